import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { StaffAdminService } from '#identity/services/staff_admin_service'
import { createStaffValidator, grantRoleValidator } from '#identity/validators/staff'
import { errors as vineErrors } from '@vinejs/vine'

/**
 * Creates a staff account with one role, e.g. the first admin:
 *   node ace staff:create --email=ops@pasar.test --name="Ana Ops" --role=admin --markets='*'
 * The password is asked for (or read from STAFF_PASSWORD, for automation).
 */
export default class StaffCreate extends BaseCommand {
  static commandName = 'staff:create'
  static description = 'Create a staff account (e.g. the first admin) with a scoped role'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email address', required: true })
  declare email: string

  @flags.string({ description: 'Full name', required: true })
  declare name: string

  @flags.string({ description: 'admin | ops | finance | support', required: true })
  declare role: string

  @flags.string({ description: "Comma-separated market codes, or '*' for every market" })
  declare markets?: string

  @flags.string({ description: 'Comma-separated regions (e.g. sea-1,sea-2)' })
  declare regions?: string

  async run() {
    const split = (value?: string) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : undefined)
    const password = process.env.STAFF_PASSWORD ?? (await this.prompt.secure('Password (10+ characters)'))
    try {
      const account = await createStaffValidator.validate({ email: this.email, fullName: this.name, password })
      const grant = await grantRoleValidator.validate({
        role: this.role,
        markets: split(this.markets),
        regions: split(this.regions),
      })
      const service = new StaffAdminService(await this.app.container.make('markets'))
      const origin = { ip: null, requestId: `ace:staff:create:${process.pid}` }
      const staff = await service.create({ type: 'system' }, account, origin)
      await service.grant({ type: 'system' }, staff.publicId, grant, origin)
      this.logger.success(`Created ${staff.email} (${staff.publicId}) as ${grant.role}`)
      if (grant.role === 'admin' || grant.role === 'ops') {
        this.logger.info('Their first sign-in on the staff host enrols a TOTP second factor.')
      }
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        for (const message of error.messages as { field: string; message: string }[]) {
          this.logger.error(`${message.field}: ${message.message}`)
        }
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}
