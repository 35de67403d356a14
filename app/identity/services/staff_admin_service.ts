import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import Staff from '#identity/models/staff'
import StaffRole, { type StaffRoleName } from '#identity/models/staff_role'
import { StaffScope } from '#identity/services/staff_scope'
import { AuditLog, type AuditOrigin } from '#audit/services/audit_log'
import { globalPublicId } from '#shards/public_id'
import { fieldError } from '#exceptions/field_error'
import { ForbiddenError } from '#identity/exceptions'
import { NotFoundError } from '#exceptions/not_found_error'
import type { MarketRegistry } from '#markets/services/market_registry'
import type { RegionsConfig } from '#shards/define_regions'

export interface GrantInput {
  role: StaffRoleName
  markets?: string[]
  regions?: string[]
}

/** The acting admin, or the system (the `staff:create` command). */
export type Actor = { type: 'staff'; staff: Staff } | { type: 'system' }

function actorOf(actor: Actor) {
  return actor.type === 'staff'
    ? { type: 'staff' as const, id: actor.staff.publicId, email: actor.staff.email }
    : { type: 'system' as const }
}

/**
 * Staff accounts and their scoped roles. An admin grants or revokes only
 * within their own scope (a SG admin cannot make anyone an ID ops); every
 * change is written to the audit log in the same transaction.
 */
export class StaffAdminService {
  constructor(private markets: MarketRegistry) {}

  async create(actor: Actor, input: { email: string; fullName: string; password: string }, origin: AuditOrigin) {
    const password = await hash.make(input.password)
    return db.connection('control').transaction(async (trx) => {
      const staff = new Staff()
      staff.useTransaction(trx)
      staff.merge({ publicId: globalPublicId('STF'), email: input.email, fullName: input.fullName, password, status: 'active' })
      try {
        await staff.save()
      } catch (error) {
        if ((error as { code?: string }).code === 'ER_DUP_ENTRY') {
          throw fieldError('email', 'unique', 'email is already a staff account')
        }
        throw error
      }
      await AuditLog.record(
        { action: 'staff.created', actor: actorOf(actor), target: { type: 'staff', id: staff.publicId }, details: { email: staff.email } },
        origin,
        trx
      )
      return staff
    })
  }

  async grant(actor: Actor, staffPublicId: string, input: GrantInput, origin: AuditOrigin) {
    const markets = input.markets ?? []
    const regions = input.regions ?? []
    this.checkScopeExists(markets, regions)
    if (actor.type === 'staff') this.checkActorCovers(actor.staff, markets, regions)

    return db.connection('control').transaction(async (trx) => {
      const staff = await Staff.query({ client: trx }).where('public_id', staffPublicId).forUpdate().first()
      if (!staff) throw new NotFoundError('staff_member')
      const role = new StaffRole()
      role.useTransaction(trx)
      role.merge({
        staffId: staff.id,
        role: input.role,
        markets,
        regions,
        grantedBy: actor.type === 'staff' ? actor.staff.id : null,
      })
      await role.save()
      await AuditLog.record(
        {
          action: 'staff.role_granted',
          actor: actorOf(actor),
          target: { type: 'staff', id: staff.publicId },
          marketCode: markets.length === 1 && markets[0] !== '*' ? markets[0] : null,
          details: { assignmentId: role.id, role: role.role, markets, regions },
        },
        origin,
        trx
      )
      return role
    })
  }

  async revoke(actor: Actor, staffPublicId: string, assignmentId: number, origin: AuditOrigin) {
    return db.connection('control').transaction(async (trx) => {
      const staff = await Staff.query({ client: trx }).where('public_id', staffPublicId).first()
      const role = staff
        ? await StaffRole.query({ client: trx }).where('id', assignmentId).where('staff_id', staff.id).forUpdate().first()
        : null
      if (!staff || !role) throw new NotFoundError('role_assignment')
      if (actor.type === 'staff') this.checkActorCovers(actor.staff, role.markets, role.regions)
      await role.delete()
      await AuditLog.record(
        {
          action: 'staff.role_revoked',
          actor: actorOf(actor),
          target: { type: 'staff', id: staff.publicId },
          details: { assignmentId, role: role.role, markets: role.markets, regions: role.regions },
        },
        origin,
        trx
      )
    })
  }

  /**
   * Another staff member lost their second factor (and their recovery
   * codes): it is cleared, so their next sign-in enrols a new one; their
   * sessions end. Never one's own (another admin must), only within the
   * actor's scope (every role of the target), audited.
   */
  async resetSecondFactor(actor: Actor, staffPublicId: string, origin: AuditOrigin) {
    return db.connection('control').transaction(async (trx) => {
      const staff = await Staff.query({ client: trx }).where('public_id', staffPublicId).preload('roles').forUpdate().first()
      if (!staff) throw new NotFoundError('staff_member')
      if (actor.type === 'staff') {
        if (actor.staff.id === staff.id) throw new ForbiddenError('An admin cannot reset their own second factor: another admin does')
        for (const role of staff.roles) this.checkActorCovers(actor.staff, role.markets, role.regions)
      }
      await trx.from('staff').where('id', staff.id).update({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null, updated_at: new Date() })
      await trx.from('staff_recovery_codes').where('staff_id', staff.id).delete()
      await trx.from('staff_access_tokens').where('tokenable_id', staff.id).delete()
      await AuditLog.record({ action: 'staff.second_factor_reset', actor: actorOf(actor), target: { type: 'staff', id: staff.publicId } }, origin, trx)
    })
  }

  list() {
    return Staff.query().preload('roles').orderBy('id', 'asc').limit(500)
  }

  private checkScopeExists(markets: string[], regions: string[]) {
    if (markets.length === 0 && regions.length === 0) {
      throw fieldError('markets', 'required', 'markets or regions must name at least one scope')
    }
    markets.forEach((code, index) => {
      if (code !== '*' && !this.markets.find(code)) {
        throw fieldError(`markets.${index}`, 'exists', `markets.${index} is not a market`)
      }
    })
    const knownRegions = Object.keys(app.config.get<RegionsConfig>('regions').shards)
    regions.forEach((region, index) => {
      if (!knownRegions.includes(region)) {
        throw fieldError(`regions.${index}`, 'exists', `regions.${index} is not a region`)
      }
    })
  }

  /** An admin hands out only what they administer themselves. */
  private checkActorCovers(admin: Staff, markets: string[], regions: string[]) {
    const scope = new StaffScope(admin.roles)
    const admins = ['admin'] as const
    if (scope.isGlobal(admins)) return
    if (markets.includes('*')) throw new ForbiddenError('Only a global admin grants every market')
    for (const code of markets) {
      if (!scope.covers(admins, this.markets.find(code)!)) throw new ForbiddenError(`Not an admin of ${code}`)
    }
    for (const region of regions) {
      const inRegion = this.markets.all().filter((market) => market.region === region)
      if (!admin.roles.some((role) => role.role === 'admin' && role.regions.includes(region))) {
        if (!inRegion.every((market) => scope.covers(admins, market))) {
          throw new ForbiddenError(`Not an admin of region ${region}`)
        }
      }
    }
  }
}
