/** Languages of the demo markets' locales (first subtag, plus zh-TW and zh for Simplified). */
export type VocabularyLanguage = 'en' | 'id' | 'ms' | 'th' | 'vi' | 'fil' | 'zh' | 'zh-TW' | 'pt'

export interface CategorySeed {
  /** stable, ASCII, kebab-case, unique in the whole tree, e.g. 'fashion', 'mens-tshirts' */
  slug: string
  /** name in every VocabularyLanguage */
  names: Record<VocabularyLanguage, string>
  /** product families sold in this leaf (only on leaves; parents have children instead) */
  families?: ProductFamily[]
  children?: CategorySeed[]
}

export interface ProductFamily {
  /** the product noun per language, e.g. { en: 'T-Shirt', id: 'Kaos', th: 'เสื้อยืด', ... } */
  noun: Record<VocabularyLanguage, string>
  /** 4-8 qualifiers per language (material, style, fit, feature...), each a short phrase as sellers write it */
  qualifiers: Record<VocabularyLanguage, string[]>
  /** 4-8 brand names (brands are not translated; mix real-sounding local and international made-up brands, no real trademarks) */
  brands: string[]
  /** realistic price range in US cents, e.g. [300, 2500] for a t-shirt; the generator converts per currency */
  priceUsdCents: [number, number]
  /** typical shipping weight range in grams */
  weightGrams: [number, number]
  /** variant option name per language and its values per language (same count of values in every language, aligned by index) e.g. size S/M/L/XL, color */
  options: {
    name: Record<VocabularyLanguage, string>
    values: Record<VocabularyLanguage, string[]>
  }[]
  /** tax category: 'standard' for almost everything; 'basic_food' only for staple foods (only some markets have it; the generator falls back to 'standard') */
  taxCategory: 'standard' | 'basic_food'
}

type Localized<T> = Record<VocabularyLanguage, T>
type VariantOption = ProductFamily['options'][number]

/** The same value in every language, with overrides where local sellers write it differently. */
function everywhere<T>(value: T, overrides: Partial<Localized<T>> = {}): Localized<T> {
  return {
    en: value,
    id: value,
    ms: value,
    th: value,
    vi: value,
    fil: value,
    zh: value,
    'zh-TW': value,
    pt: value,
    ...overrides,
  }
}

// Shared variant options

const APPAREL_SIZE: VariantOption = {
  name: {
    en: 'Size',
    id: 'Ukuran',
    ms: 'Saiz',
    th: 'ไซส์',
    vi: 'Kích Cỡ',
    fil: 'Sukat',
    zh: '尺码',
    'zh-TW': '尺寸',
    pt: 'Tamanho',
  },
  values: everywhere(['S', 'M', 'L', 'XL', 'XXL'], { pt: ['P', 'M', 'G', 'GG', 'XG'] }),
}

const COLOR_NAME: Localized<string> = {
  en: 'Color',
  id: 'Warna',
  ms: 'Warna',
  th: 'สี',
  vi: 'Màu Sắc',
  fil: 'Kulay',
  zh: '颜色',
  'zh-TW': '顏色',
  pt: 'Cor',
}

const BASIC_COLORS: VariantOption = {
  name: COLOR_NAME,
  values: {
    en: ['Black', 'White', 'Navy', 'Grey', 'Red'],
    id: ['Hitam', 'Putih', 'Navy', 'Abu-abu', 'Merah'],
    ms: ['Hitam', 'Putih', 'Biru Gelap', 'Kelabu', 'Merah'],
    th: ['สีดำ', 'สีขาว', 'สีกรม', 'สีเทา', 'สีแดง'],
    vi: ['Đen', 'Trắng', 'Xanh Navy', 'Xám', 'Đỏ'],
    fil: ['Itim', 'Puti', 'Navy Blue', 'Abo', 'Pula'],
    zh: ['黑色', '白色', '藏青色', '灰色', '红色'],
    'zh-TW': ['黑色', '白色', '深藍色', '灰色', '紅色'],
    pt: ['Preto', 'Branco', 'Azul-Marinho', 'Cinza', 'Vermelho'],
  },
}

const SOFT_COLORS: VariantOption = {
  name: COLOR_NAME,
  values: {
    en: ['Cream', 'Dusty Pink', 'Sage Green', 'Lilac', 'Black'],
    id: ['Cream', 'Dusty Pink', 'Sage', 'Lilac', 'Hitam'],
    ms: ['Krim', 'Dusty Pink', 'Hijau Sage', 'Ungu Lilac', 'Hitam'],
    th: ['สีครีม', 'สีชมพูหม่น', 'สีเขียวเสจ', 'สีม่วงไลแลค', 'สีดำ'],
    vi: ['Kem', 'Hồng Phấn', 'Xanh Lá Nhạt', 'Tím Pastel', 'Đen'],
    fil: ['Cream', 'Dusty Pink', 'Sage Green', 'Lilac', 'Itim'],
    zh: ['奶油色', '脏粉色', '鼠尾草绿', '丁香紫', '黑色'],
    'zh-TW': ['奶油色', '乾燥玫瑰粉', '鼠尾草綠', '丁香紫', '黑色'],
    pt: ['Creme', 'Rosa Seco', 'Verde Sálvia', 'Lilás', 'Preto'],
  },
}

const NEUTRAL_COLORS: VariantOption = {
  name: COLOR_NAME,
  values: {
    en: ['Black', 'Brown', 'Cream'],
    id: ['Hitam', 'Coklat', 'Cream'],
    ms: ['Hitam', 'Coklat', 'Krim'],
    th: ['สีดำ', 'สีน้ำตาล', 'สีครีม'],
    vi: ['Đen', 'Nâu', 'Kem'],
    fil: ['Itim', 'Kayumanggi', 'Cream'],
    zh: ['黑色', '棕色', '奶油色'],
    'zh-TW': ['黑色', '咖啡色', '奶油色'],
    pt: ['Preto', 'Marrom', 'Creme'],
  },
}

const BLACK_WHITE: VariantOption = {
  name: COLOR_NAME,
  values: {
    en: ['Black', 'White'],
    id: ['Hitam', 'Putih'],
    ms: ['Hitam', 'Putih'],
    th: ['สีดำ', 'สีขาว'],
    vi: ['Đen', 'Trắng'],
    fil: ['Itim', 'Puti'],
    zh: ['黑色', '白色'],
    'zh-TW': ['黑色', '白色'],
    pt: ['Preto', 'Branco'],
  },
}

const OUTDOOR_COLORS: VariantOption = {
  name: COLOR_NAME,
  values: {
    en: ['Black', 'Army Green', 'Orange', 'Blue'],
    id: ['Hitam', 'Hijau Army', 'Orange', 'Biru'],
    ms: ['Hitam', 'Hijau Tentera', 'Oren', 'Biru'],
    th: ['สีดำ', 'สีเขียวทหาร', 'สีส้ม', 'สีน้ำเงิน'],
    vi: ['Đen', 'Xanh Rêu', 'Cam', 'Xanh Dương'],
    fil: ['Itim', 'Army Green', 'Orange', 'Asul'],
    zh: ['黑色', '军绿色', '橙色', '蓝色'],
    'zh-TW': ['黑色', '軍綠色', '橘色', '藍色'],
    pt: ['Preto', 'Verde Militar', 'Laranja', 'Azul'],
  },
}

/** Waist sizes in inches; Brazil labels the same cuts 38-46. */
const WAIST_SIZE: VariantOption = {
  name: {
    en: 'Waist',
    id: 'Ukuran',
    ms: 'Saiz Pinggang',
    th: 'รอบเอว',
    vi: 'Size',
    fil: 'Waist Size',
    zh: '腰围',
    'zh-TW': '腰圍',
    pt: 'Tamanho',
  },
  values: everywhere(['28', '30', '32', '34', '36'], { pt: ['38', '40', '42', '44', '46'] }),
}

const WEIGHT_NAME: Localized<string> = {
  en: 'Weight',
  id: 'Berat',
  ms: 'Berat',
  th: 'น้ำหนัก',
  vi: 'Khối Lượng',
  fil: 'Timbang',
  zh: '重量',
  'zh-TW': '重量',
  pt: 'Peso',
}

const VOLUME_NAME: Localized<string> = {
  en: 'Volume',
  id: 'Isi',
  ms: 'Isi Padu',
  th: 'ปริมาณ',
  vi: 'Dung Tích',
  fil: 'Volume',
  zh: '容量',
  'zh-TW': '容量',
  pt: 'Volume',
}

const CAPACITY_NAME: Localized<string> = {
  en: 'Capacity',
  id: 'Kapasitas',
  ms: 'Kapasiti',
  th: 'ความจุ',
  vi: 'Dung Lượng',
  fil: 'Capacity',
  zh: '容量',
  'zh-TW': '容量',
  pt: 'Capacidade',
}

const SIZE_NAME: Localized<string> = {
  en: 'Size',
  id: 'Ukuran',
  ms: 'Saiz',
  th: 'ขนาด',
  vi: 'Kích Thước',
  fil: 'Sukat',
  zh: '尺寸',
  'zh-TW': '尺寸',
  pt: 'Tamanho',
}

const SHADE_NAME: Localized<string> = {
  en: 'Shade',
  id: 'Warna',
  ms: 'Warna',
  th: 'เฉดสี',
  vi: 'Màu',
  fil: 'Shade',
  zh: '色号',
  'zh-TW': '色號',
  pt: 'Cor',
}

/** Skincare bottle sizes, e.g. ml(['20', '30']). */
function ml(amounts: string[]): VariantOption {
  return {
    name: VOLUME_NAME,
    values: everywhere(
      amounts.map((amount) => `${amount} ml`),
      {
        th: amounts.map((amount) => `${amount} มล.`),
        vi: amounts.map((amount) => `${amount}ml`),
        zh: amounts.map((amount) => `${amount}ml`),
        'zh-TW': amounts.map((amount) => `${amount}ml`),
      }
    ),
  }
}

/** Pack weights in grams, e.g. grams(['60', '120']). */
function grams(amounts: string[]): VariantOption {
  return {
    name: WEIGHT_NAME,
    values: everywhere(
      amounts.map((amount) => `${amount} g`),
      {
        id: amounts.map((amount) => `${amount} gr`),
        th: amounts.map((amount) => `${amount} กรัม`),
        vi: amounts.map((amount) => `${amount}g`),
        zh: amounts.map((amount) => `${amount}g`),
        'zh-TW': amounts.map((amount) => `${amount}g`),
      }
    ),
  }
}

// Fashion

const tShirt: ProductFamily = {
  noun: {
    en: 'T-Shirt',
    id: 'Kaos',
    ms: 'Baju T',
    th: 'เสื้อยืด',
    vi: 'Áo Thun',
    fil: 'T-Shirt',
    zh: 'T恤',
    'zh-TW': 'T恤',
    pt: 'Camiseta',
  },
  qualifiers: {
    en: ['Cotton', 'Crew Neck', 'Oversized', 'Plain', 'Graphic Print', 'Quick-Dry', 'Slim Fit'],
    id: [
      'Polos',
      'Cotton Combed 30s',
      'Oversize',
      'Lengan Pendek',
      'Sablon',
      'Distro',
      'Kerah Bulat',
    ],
    ms: ['Kapas', 'Leher Bulat', 'Oversize', 'Plain', 'Lengan Pendek', 'Cepat Kering', 'Slim Fit'],
    th: ['ผ้าฝ้าย 100%', 'คอกลม', 'โอเวอร์ไซส์', 'สีพื้น', 'สกรีนลาย', 'แขนสั้น', 'ผ้านุ่มใส่สบาย'],
    vi: ['Cotton', 'Cổ Tròn', 'Form Rộng', 'Trơn', 'In Hình', 'Tay Ngắn', 'Thoáng Mát'],
    fil: ['Cotton', 'Round Neck', 'Oversized', 'Plain', 'Printed', 'Quick Dry'],
    zh: ['纯棉', '圆领', '宽松', '纯色', '印花', '短袖', '速干'],
    'zh-TW': ['純棉', '圓領', '寬版', '素面', '印花', '短袖', '涼感'],
    pt: ['Algodão', 'Gola Redonda', 'Oversized', 'Básica', 'Estampada', 'Manga Curta', 'Dry Fit'],
  },
  brands: [
    'Kaoskita',
    'Siam Basic',
    'Saigon Thread',
    'Tropika',
    'Urbanloom',
    'Bayani Threads',
    'Algodoaria',
  ],
  priceUsdCents: [300, 2500],
  weightGrams: [150, 300],
  options: [APPAREL_SIZE, BASIC_COLORS],
  taxCategory: 'standard',
}

const poloShirt: ProductFamily = {
  noun: {
    en: 'Polo Shirt',
    id: 'Kaos Polo',
    ms: 'Baju Polo',
    th: 'เสื้อโปโล',
    vi: 'Áo Polo',
    fil: 'Polo Shirt',
    zh: 'Polo衫',
    'zh-TW': 'POLO衫',
    pt: 'Camisa Polo',
  },
  qualifiers: {
    en: [
      'Pique Cotton',
      'Short Sleeve',
      'Regular Fit',
      'Embroidered Logo',
      'Breathable',
      'Office Casual',
    ],
    id: ['Bahan Pique', 'Lengan Pendek', 'Regular Fit', 'Bordir', 'Adem', 'Casual'],
    ms: ['Fabrik Pique', 'Lengan Pendek', 'Regular Fit', 'Sulaman Logo', 'Sejuk Selesa', 'Kasual'],
    th: ['ผ้าปิเก้', 'แขนสั้น', 'ทรงตรง', 'ปักโลโก้', 'ระบายอากาศดี', 'ใส่ทำงาน'],
    vi: ['Vải Cá Sấu', 'Tay Ngắn', 'Form Chuẩn', 'Thêu Logo', 'Thoáng Khí', 'Công Sở'],
    fil: [
      'Pique Cotton',
      'Short Sleeve',
      'Regular Fit',
      'Embroidered',
      'Breathable',
      'Office Wear',
    ],
    zh: ['珠地棉', '短袖', '常规版', '刺绣', '透气', '商务休闲'],
    'zh-TW': ['珠地棉', '短袖', '標準版型', '刺繡', '透氣', '商務休閒'],
    pt: ['Piquet', 'Manga Curta', 'Modelagem Tradicional', 'Bordada', 'Respirável', 'Casual'],
  },
  brands: [
    'Rajawali Polo',
    'Kinabalu Club',
    'Chao Phraya Club',
    'Northbay',
    'Clubline',
    'Mestre Polo',
  ],
  priceUsdCents: [500, 3500],
  weightGrams: [200, 350],
  options: [APPAREL_SIZE, BASIC_COLORS],
  taxCategory: 'standard',
}

const jeans: ProductFamily = {
  noun: {
    en: 'Jeans',
    id: 'Celana Jeans',
    ms: 'Seluar Jeans',
    th: 'กางเกงยีนส์',
    vi: 'Quần Jean',
    fil: 'Maong Pants',
    zh: '牛仔裤',
    'zh-TW': '牛仔褲',
    pt: 'Calça Jeans',
  },
  qualifiers: {
    en: ['Slim Fit', 'Straight Cut', 'Stretch Denim', 'Ripped', 'Stone Washed', 'Skinny'],
    id: ['Slim Fit', 'Straight', 'Stretch', 'Ripped', 'Washed', 'Skinny'],
    ms: ['Slim Fit', 'Potongan Lurus', 'Denim Regang', 'Ripped', 'Washed', 'Skinny'],
    th: ['ทรงสลิม', 'ขากระบอก', 'ผ้ายืด', 'แต่งขาด', 'ฟอกสีวินเทจ', 'ทรงเดฟ'],
    vi: ['Slim Fit', 'Ống Suông', 'Co Giãn', 'Rách Gối', 'Wash Bạc', 'Ống Côn'],
    fil: ['Slim Fit', 'Straight Cut', 'Stretchable', 'Ripped', 'Washed', 'Skinny'],
    zh: ['修身', '直筒', '弹力', '破洞', '水洗', '小脚'],
    'zh-TW': ['修身', '直筒', '彈性', '刷破', '水洗', '窄管'],
    pt: ['Slim', 'Reta', 'Com Elastano', 'Destroyed', 'Delavê', 'Skinny'],
  },
  brands: ['Indigo Jakarta', 'Denimora', 'Saigon Denim', 'Rivet & Co', 'Batu Blue', 'Jeanswalk'],
  priceUsdCents: [900, 4500],
  weightGrams: [450, 800],
  options: [
    WAIST_SIZE,
    {
      name: COLOR_NAME,
      values: {
        en: ['Light Blue', 'Dark Blue', 'Black', 'Grey'],
        id: ['Biru Muda', 'Biru Tua', 'Hitam', 'Abu-abu'],
        ms: ['Biru Muda', 'Biru Tua', 'Hitam', 'Kelabu'],
        th: ['สีฟ้าอ่อน', 'สีน้ำเงินเข้ม', 'สีดำ', 'สีเทา'],
        vi: ['Xanh Nhạt', 'Xanh Đậm', 'Đen', 'Xám'],
        fil: ['Light Blue', 'Dark Blue', 'Itim', 'Abo'],
        zh: ['浅蓝色', '深蓝色', '黑色', '灰色'],
        'zh-TW': ['淺藍色', '深藍色', '黑色', '灰色'],
        pt: ['Azul Claro', 'Azul Escuro', 'Preto', 'Cinza'],
      },
    },
  ],
  taxCategory: 'standard',
}

const chinoPants: ProductFamily = {
  noun: {
    en: 'Chino Pants',
    id: 'Celana Chino',
    ms: 'Seluar Chino',
    th: 'กางเกงชิโน่',
    vi: 'Quần Kaki',
    fil: 'Chino Pants',
    zh: '休闲裤',
    'zh-TW': '卡其褲',
    pt: 'Calça Chino',
  },
  qualifiers: {
    en: ['Slim Fit', 'Stretch Twill', 'Ankle Length', 'Regular Fit', 'Wrinkle-Free', 'Office'],
    id: ['Slim Fit', 'Bahan Stretch', 'Panjang', 'Regular', 'Anti Kusut', 'Kantor'],
    ms: [
      'Slim Fit',
      'Kain Regang',
      'Paras Buku Lali',
      'Regular Fit',
      'Tidak Mudah Berkedut',
      'Pejabat',
    ],
    th: ['ทรงสลิม', 'ผ้ายืด', 'ขายาว', 'ทรงกระบอกเล็ก', 'ไม่ต้องรีด', 'ใส่ทำงาน'],
    vi: ['Slim Fit', 'Kaki Co Giãn', 'Ống Đứng', 'Dáng Âu', 'Không Nhăn', 'Công Sở'],
    fil: ['Slim Fit', 'Stretchable', 'Ankle Length', 'Regular Fit', 'Wrinkle-Free', 'Pang-Opisina'],
    zh: ['修身', '弹力斜纹', '九分', '直筒', '免烫', '商务'],
    'zh-TW': ['修身', '彈性斜紋布', '九分', '直筒', '免燙', '商務'],
    pt: ['Slim', 'Sarja com Elastano', 'Comprimento Tornozelo', 'Reta', 'Não Amassa', 'Social'],
  },
  brands: ['Kantorwear', 'Slate & Oak', 'Lanna Tailor', 'Formosa Fit', 'Mercato Men', 'Urbanloom'],
  priceUsdCents: [800, 3500],
  weightGrams: [350, 600],
  options: [
    WAIST_SIZE,
    {
      name: COLOR_NAME,
      values: {
        en: ['Khaki', 'Navy', 'Black', 'Olive'],
        id: ['Khaki', 'Navy', 'Hitam', 'Hijau Army'],
        ms: ['Khaki', 'Biru Gelap', 'Hitam', 'Hijau Zaitun'],
        th: ['สีกากี', 'สีกรม', 'สีดำ', 'สีเขียวขี้ม้า'],
        vi: ['Be', 'Xanh Navy', 'Đen', 'Xanh Rêu'],
        fil: ['Khaki', 'Navy Blue', 'Itim', 'Olive Green'],
        zh: ['卡其色', '藏青色', '黑色', '橄榄绿'],
        'zh-TW': ['卡其色', '深藍色', '黑色', '橄欖綠'],
        pt: ['Cáqui', 'Azul-Marinho', 'Preto', 'Verde Oliva'],
      },
    },
  ],
  taxCategory: 'standard',
}

const blouse: ProductFamily = {
  noun: {
    en: 'Blouse',
    id: 'Blouse',
    ms: 'Blaus',
    th: 'เสื้อเบลาส์',
    vi: 'Áo Kiểu',
    fil: 'Blouse',
    zh: '衬衫',
    'zh-TW': '襯衫',
    pt: 'Blusa',
  },
  qualifiers: {
    en: ['Chiffon', 'Puff Sleeve', 'Long Sleeve', 'Korean Style', 'Ruffle', 'Loose Fit'],
    id: [
      'Bahan Ceruti',
      'Lengan Balon',
      'Lengan Panjang',
      'Korean Style',
      'Ruffle',
      'Oversize',
      'Busui Friendly',
    ],
    ms: [
      'Chiffon',
      'Lengan Puff',
      'Lengan Panjang',
      'Korean Style',
      'Ruffle',
      'Longgar',
      'Mesra Menyusu',
    ],
    th: ['ผ้าชีฟอง', 'แขนตุ๊กตา', 'แขนยาว', 'สไตล์เกาหลี', 'แต่งระบาย', 'ทรงหลวม'],
    vi: ['Voan', 'Tay Phồng', 'Tay Dài', 'Kiểu Hàn Quốc', 'Phối Bèo', 'Dáng Suông'],
    fil: ['Chiffon', 'Puff Sleeve', 'Long Sleeve', 'Korean Style', 'Ruffled', 'Loose Fit'],
    zh: ['雪纺', '泡泡袖', '长袖', '韩版', '荷叶边', '宽松'],
    'zh-TW': ['雪紡', '泡泡袖', '長袖', '韓系', '荷葉邊', '寬鬆'],
    pt: ['Chiffon', 'Manga Bufante', 'Manga Longa', 'Estilo Coreano', 'Babado', 'Soltinha'],
  },
  brands: ['Mawar Boutique', 'Luna Bloom', 'Ploy Studio', 'Dalaga', 'Seri Anggun', 'Flor de Maio'],
  priceUsdCents: [500, 3000],
  weightGrams: [150, 300],
  options: [APPAREL_SIZE, SOFT_COLORS],
  taxCategory: 'standard',
}

const dress: ProductFamily = {
  noun: {
    en: 'Dress',
    id: 'Dress',
    ms: 'Dress',
    th: 'เดรส',
    vi: 'Đầm',
    fil: 'Dress',
    zh: '连衣裙',
    'zh-TW': '洋裝',
    pt: 'Vestido',
  },
  qualifiers: {
    en: ['Floral', 'Midi', 'Maxi', 'Sleeveless', 'Wrap', 'Casual', 'Party'],
    id: ['Motif Bunga', 'Midi', 'Maxi', 'Tanpa Lengan', 'Wrap', 'Casual', 'Pesta'],
    ms: ['Bercorak Bunga', 'Midi', 'Maxi', 'Tanpa Lengan', 'Wrap', 'Kasual', 'Majlis'],
    th: ['ลายดอก', 'ยาวคลุมเข่า', 'แม็กซี่', 'แขนกุด', 'ทรงป้าย', 'ใส่เที่ยว', 'ออกงาน'],
    vi: ['Hoa Nhí', 'Dáng Midi', 'Dáng Dài', 'Sát Nách', 'Dáng Quấn', 'Dạo Phố', 'Dự Tiệc'],
    fil: ['Floral', 'Midi', 'Maxi', 'Sleeveless', 'Wrap', 'Casual', 'Pang-Party'],
    zh: ['碎花', '中长款', '长款', '无袖', '裹身', '休闲', '宴会'],
    'zh-TW': ['碎花', '中長版', '長版', '無袖', '裹身', '休閒', '宴會'],
    pt: ['Floral', 'Midi', 'Longo', 'Regata', 'Transpassado', 'Casual', 'Festa'],
  },
  brands: ['Melati Dress', 'Bella Rosa', 'Praew Closet', 'Sampaguita', 'Lirio', 'Maison Mai'],
  priceUsdCents: [700, 5000],
  weightGrams: [200, 450],
  options: [APPAREL_SIZE, SOFT_COLORS],
  taxCategory: 'standard',
}

const toteBag: ProductFamily = {
  noun: {
    en: 'Tote Bag',
    id: 'Tas Tote',
    ms: 'Beg Tote',
    th: 'กระเป๋าโท้ท',
    vi: 'Túi Tote',
    fil: 'Tote Bag',
    zh: '托特包',
    'zh-TW': '托特包',
    pt: 'Bolsa Tote',
  },
  qualifiers: {
    en: ['Canvas', 'Vegan Leather', 'Large Capacity', 'With Zipper', 'Work', 'Minimalist'],
    id: ['Kanvas', 'Kulit Sintetis', 'Muat Laptop', 'Resleting', 'Kerja', 'Minimalis'],
    ms: ['Kanvas', 'Kulit PU', 'Saiz Besar', 'Berzip', 'Kerja', 'Minimalis'],
    th: ['ผ้าแคนวาส', 'หนัง PU', 'จุของได้เยอะ', 'มีซิป', 'ใส่ทำงาน', 'มินิมอล'],
    vi: ['Vải Canvas', 'Da PU', 'Đựng Vừa Laptop', 'Có Khóa Kéo', 'Đi Làm', 'Tối Giản'],
    fil: ['Canvas', 'PU Leather', 'Big Capacity', 'With Zipper', 'Pang-Office', 'Minimalist'],
    zh: ['帆布', 'PU皮', '大容量', '带拉链', '通勤', '简约'],
    'zh-TW': ['帆布', '仿皮', '大容量', '附拉鍊', '通勤', '簡約'],
    pt: ['Lona', 'Couro Sintético', 'Grande', 'Com Zíper', 'Para Trabalho', 'Minimalista'],
  },
  brands: ['Kanvasku', 'Tasca', 'Bagsmith', 'Petite Tote', 'Bolsaria', 'Kain & Co'],
  priceUsdCents: [600, 4000],
  weightGrams: [250, 700],
  options: [NEUTRAL_COLORS],
  taxCategory: 'standard',
}

const hijab: ProductFamily = {
  noun: {
    en: 'Hijab',
    id: 'Jilbab',
    ms: 'Tudung',
    th: 'ฮิญาบ',
    vi: 'Khăn Hijab',
    fil: 'Hijab',
    zh: '穆斯林头巾',
    'zh-TW': '穆斯林頭巾',
    pt: 'Hijab',
  },
  qualifiers: {
    en: ['Square', 'Pashmina', 'Instant', 'Voile', 'Jersey', 'Chiffon'],
    id: ['Segi Empat', 'Pashmina', 'Instan', 'Voal', 'Jersey', 'Ceruti', 'Polos'],
    ms: ['Bawal', 'Shawl', 'Sarung', 'Cotton Voile', 'Jersey', 'Chiffon'],
    th: ['ทรงสี่เหลี่ยม', 'พาชมีน่า', 'สำเร็จรูป', 'ผ้าวอยล์', 'ผ้าเจอร์ซีย์', 'ผ้าชีฟอง'],
    vi: ['Vuông', 'Dáng Dài', 'Đội Liền', 'Vải Voan', 'Vải Thun', 'Trơn'],
    fil: ['Square', 'Pashmina', 'Instant', 'Voile', 'Jersey', 'Chiffon'],
    zh: ['方巾款', '长巾款', '套头式', '巴里纱', '针织', '雪纺'],
    'zh-TW': ['方巾款', '長巾款', '套頭式', '巴里紗', '針織', '雪紡'],
    pt: ['Quadrado', 'Pashmina', 'Prático', 'Voil', 'Malha', 'Chiffon'],
  },
  brands: ['Hijabella', 'Zahra Voal', 'Nur Aisyah', 'Tudung Indah', 'Safiya', 'Khadija Scarf'],
  priceUsdCents: [200, 2000],
  weightGrams: [80, 200],
  options: [SOFT_COLORS],
  taxCategory: 'standard',
}

// Electronics

const phoneCase: ProductFamily = {
  noun: {
    en: 'Phone Case',
    id: 'Case HP',
    ms: 'Casing Telefon',
    th: 'เคสโทรศัพท์',
    vi: 'Ốp Lưng',
    fil: 'Phone Case',
    zh: '手机壳',
    'zh-TW': '手機殼',
    pt: 'Capinha de Celular',
  },
  qualifiers: {
    en: ['Shockproof', 'Clear', 'Silicone', 'Magnetic', 'Matte', 'Camera Protection', 'Slim'],
    id: ['Softcase', 'Anticrack', 'Bening', 'Silikon', 'Magnetic', 'Doff', 'Pelindung Kamera'],
    ms: ['Kalis Hentakan', 'Jernih', 'Silikon', 'Magnetik', 'Matte', 'Pelindung Kamera'],
    th: ['กันกระแทก', 'ใส', 'ซิลิโคน', 'แม่เหล็ก', 'ผิวด้าน', 'กันกล้อง'],
    vi: ['Chống Sốc', 'Trong Suốt', 'Silicon', 'Hít Nam Châm', 'Mặt Nhám', 'Bảo Vệ Camera'],
    fil: ['Shockproof', 'Clear', 'Silicone', 'Magnetic', 'Matte', 'Camera Protection'],
    zh: ['防摔', '透明', '硅胶', '磁吸', '磨砂', '镜头全包'],
    'zh-TW': ['防摔', '透明', '矽膠', '磁吸', '霧面', '鏡頭全包'],
    pt: ['Anti Impacto', 'Transparente', 'Silicone', 'Magnética', 'Fosca', 'Proteção de Câmera'],
  },
  brands: ['Shieldy', 'Kasingku', 'Armorly', 'Tugma', 'Lumina Case', 'Capa Forte'],
  priceUsdCents: [100, 1500],
  weightGrams: [30, 100],
  options: [
    {
      name: COLOR_NAME,
      values: {
        en: ['Clear', 'Black', 'Pink', 'Purple', 'Blue'],
        id: ['Bening', 'Hitam', 'Pink', 'Ungu', 'Biru'],
        ms: ['Jernih', 'Hitam', 'Merah Jambu', 'Ungu', 'Biru'],
        th: ['ใส', 'สีดำ', 'สีชมพู', 'สีม่วง', 'สีฟ้า'],
        vi: ['Trong Suốt', 'Đen', 'Hồng', 'Tím', 'Xanh Dương'],
        fil: ['Clear', 'Itim', 'Pink', 'Lila', 'Asul'],
        zh: ['透明', '黑色', '粉色', '紫色', '蓝色'],
        'zh-TW': ['透明', '黑色', '粉紅色', '紫色', '藍色'],
        pt: ['Transparente', 'Preto', 'Rosa', 'Roxo', 'Azul'],
      },
    },
  ],
  taxCategory: 'standard',
}

const powerBank: ProductFamily = {
  noun: {
    en: 'Power Bank',
    id: 'Power Bank',
    ms: 'Power Bank',
    th: 'พาวเวอร์แบงค์',
    vi: 'Sạc Dự Phòng',
    fil: 'Power Bank',
    zh: '充电宝',
    'zh-TW': '行動電源',
    pt: 'Carregador Portátil',
  },
  qualifiers: {
    en: ['Fast Charging', '20W PD', 'Slim', 'Built-in Cable', 'LED Display', 'Magnetic Wireless'],
    id: ['Fast Charging', 'PD 20W', 'Slim', 'Kabel Bawaan', 'Layar LED', 'Wireless'],
    ms: ['Pengecasan Pantas', 'PD 20W', 'Nipis', 'Kabel Terbina Dalam', 'Paparan LED', 'Wayarles'],
    th: ['ชาร์จเร็ว', 'PD 20W', 'บางเบา', 'มีสายในตัว', 'หน้าจอ LED', 'ไร้สายแม่เหล็ก'],
    vi: ['Sạc Nhanh', 'PD 20W', 'Mỏng Nhẹ', 'Kèm Cáp Liền', 'Màn Hình LED', 'Không Dây'],
    fil: ['Fast Charging', '20W PD', 'Slim', 'Built-in Cable', 'LED Display', 'Wireless'],
    zh: ['快充', 'PD20W', '超薄', '自带线', '数显', '磁吸无线'],
    'zh-TW': ['快充', 'PD 20W', '輕薄', '自帶線', '電量顯示', '磁吸無線'],
    pt: ['Carga Rápida', 'PD 20W', 'Slim', 'Cabo Embutido', 'Display LED', 'Sem Fio'],
  },
  brands: ['Voltana', 'Dayaku', 'Chargio', 'Pinzo', 'Energia Max', 'Ampere Go'],
  priceUsdCents: [800, 4500],
  weightGrams: [150, 450],
  options: [
    { name: CAPACITY_NAME, values: everywhere(['5000mAh', '10000mAh', '20000mAh']) },
    BLACK_WHITE,
  ],
  taxCategory: 'standard',
}

const wirelessMouse: ProductFamily = {
  noun: {
    en: 'Wireless Mouse',
    id: 'Mouse Wireless',
    ms: 'Mouse Wireless',
    th: 'เมาส์ไร้สาย',
    vi: 'Chuột Không Dây',
    fil: 'Wireless Mouse',
    zh: '无线鼠标',
    'zh-TW': '無線滑鼠',
    pt: 'Mouse Sem Fio',
  },
  qualifiers: {
    en: ['Silent Click', 'Rechargeable', 'Bluetooth + 2.4G', 'Ergonomic', 'Gaming', 'Slim'],
    id: ['Silent Click', 'Bisa Dicas', 'Dual Mode', 'Ergonomis', 'Gaming', 'Tipis'],
    ms: ['Klik Senyap', 'Boleh Cas Semula', 'Dwi Mod', 'Ergonomik', 'Gaming', 'Nipis'],
    th: ['คลิกเงียบ', 'ชาร์จได้', 'บลูทูธ + 2.4G', 'ทรงเออร์โกโนมิก', 'เกมมิ่ง', 'บางเฉียบ'],
    vi: ['Không Tiếng Ồn', 'Pin Sạc', 'Bluetooth + 2.4G', 'Công Thái Học', 'Gaming', 'Siêu Mỏng'],
    fil: ['Silent Click', 'Rechargeable', 'Bluetooth + 2.4G', 'Ergonomic', 'Gaming', 'Slim'],
    zh: ['静音', '可充电', '蓝牙双模', '人体工学', '电竞', '超薄'],
    'zh-TW': ['靜音', '可充電', '藍牙雙模', '人體工學', '電競', '超薄'],
    pt: ['Clique Silencioso', 'Recarregável', 'Bluetooth + 2.4G', 'Ergonômico', 'Gamer', 'Slim'],
  },
  brands: ['Clikko', 'Nexmouse', 'Orbix', 'Glydo', 'Tikus Pintar', 'Pointera'],
  priceUsdCents: [300, 3000],
  weightGrams: [60, 150],
  options: [BLACK_WHITE],
  taxCategory: 'standard',
}

const mechanicalKeyboard: ProductFamily = {
  noun: {
    en: 'Mechanical Keyboard',
    id: 'Keyboard Mechanical',
    ms: 'Keyboard Mekanikal',
    th: 'คีย์บอร์ดเมคานิคอล',
    vi: 'Bàn Phím Cơ',
    fil: 'Mechanical Keyboard',
    zh: '机械键盘',
    'zh-TW': '機械鍵盤',
    pt: 'Teclado Mecânico',
  },
  qualifiers: {
    en: ['Hot-Swappable', 'RGB Backlit', 'TKL', 'Wireless', 'Gaming', 'Compact 60%'],
    id: ['Hotswap', 'RGB', 'TKL', 'Wireless', 'Gaming', '60%'],
    ms: ['Hotswap', 'Lampu RGB', 'TKL', 'Wayarles', 'Gaming', 'Saiz Kompak 60%'],
    th: ['Hotswap', 'ไฟ RGB', 'TKL', 'ไร้สาย', 'เกมมิ่ง', 'ขนาด 60%'],
    vi: ['Hotswap', 'Led RGB', 'TKL', 'Không Dây', 'Gaming', 'Layout 60%'],
    fil: ['Hot-Swappable', 'RGB', 'TKL', 'Wireless', 'Gaming', '60% Compact'],
    zh: ['热插拔', 'RGB背光', '87键', '无线三模', '电竞', '61键'],
    'zh-TW': ['熱插拔', 'RGB背光', '87鍵', '無線三模', '電競', '61鍵'],
    pt: ['Hot Swap', 'RGB', 'TKL', 'Sem Fio', 'Gamer', '60%'],
  },
  brands: ['Keyloom', 'Ketik', 'Tactivo', 'Arcadia Keys', 'Teclar', 'Typhoon Lab'],
  priceUsdCents: [1500, 9000],
  weightGrams: [500, 1200],
  options: [
    {
      name: {
        en: 'Switch',
        id: 'Switch',
        ms: 'Suis',
        th: 'สวิตช์',
        vi: 'Switch',
        fil: 'Switch',
        zh: '轴体',
        'zh-TW': '軸體',
        pt: 'Switch',
      },
      values: everywhere(['Red Switch', 'Blue Switch', 'Brown Switch'], {
        zh: ['红轴', '青轴', '茶轴'],
        'zh-TW': ['紅軸', '青軸', '茶軸'],
        pt: ['Switch Red', 'Switch Blue', 'Switch Brown'],
      }),
    },
    BLACK_WHITE,
  ],
  taxCategory: 'standard',
}

const wirelessEarbuds: ProductFamily = {
  noun: {
    en: 'Wireless Earbuds',
    id: 'Earphone Bluetooth',
    ms: 'Earphone Bluetooth',
    th: 'หูฟังบลูทูธ',
    vi: 'Tai Nghe Bluetooth',
    fil: 'Wireless Earbuds',
    zh: '蓝牙耳机',
    'zh-TW': '藍牙耳機',
    pt: 'Fone de Ouvido Bluetooth',
  },
  qualifiers: {
    en: [
      'TWS',
      'Noise Cancelling',
      'IPX5 Waterproof',
      'Low Latency',
      'Touch Control',
      'Long Battery Life',
    ],
    id: [
      'TWS',
      'Noise Cancelling',
      'Tahan Air IPX5',
      'Low Latency',
      'Touch Control',
      'Baterai Awet',
    ],
    ms: [
      'TWS',
      'Noise Cancelling',
      'Kalis Air IPX5',
      'Latensi Rendah',
      'Kawalan Sentuh',
      'Bateri Tahan Lama',
    ],
    th: ['TWS', 'ตัดเสียงรบกวน', 'กันน้ำ IPX5', 'ดีเลย์ต่ำ', 'ระบบสัมผัส', 'แบตอึด'],
    vi: ['TWS', 'Chống Ồn', 'Chống Nước IPX5', 'Độ Trễ Thấp', 'Cảm Ứng', 'Pin Trâu'],
    fil: [
      'TWS',
      'Noise Cancelling',
      'IPX5 Waterproof',
      'Low Latency',
      'Touch Control',
      'Long Battery',
    ],
    zh: ['真无线', '主动降噪', 'IPX5防水', '低延迟', '触控', '超长续航'],
    'zh-TW': ['真無線', '主動降噪', 'IPX5防水', '低延遲', '觸控', '超長續航'],
    pt: [
      'TWS',
      'Cancelamento de Ruído',
      'Resistente à Água IPX5',
      'Baixa Latência',
      'Controle por Toque',
      'Bateria de Longa Duração',
    ],
  },
  brands: ['Sonika', 'Budsy', 'Dengar', 'Suara', 'Aurio', 'Fonezzo'],
  priceUsdCents: [500, 6000],
  weightGrams: [50, 150],
  options: [BLACK_WHITE],
  taxCategory: 'standard',
}

const bluetoothSpeaker: ProductFamily = {
  noun: {
    en: 'Bluetooth Speaker',
    id: 'Speaker Bluetooth',
    ms: 'Speaker Bluetooth',
    th: 'ลำโพงบลูทูธ',
    vi: 'Loa Bluetooth',
    fil: 'Bluetooth Speaker',
    zh: '蓝牙音箱',
    'zh-TW': '藍牙喇叭',
    pt: 'Caixa de Som Bluetooth',
  },
  qualifiers: {
    en: ['Portable', 'Waterproof', 'Extra Bass', 'RGB Lights', 'Mini', 'Karaoke'],
    id: ['Portable', 'Waterproof', 'Super Bass', 'Lampu RGB', 'Mini', 'Karaoke'],
    ms: ['Mudah Alih', 'Kalis Air', 'Extra Bass', 'Lampu RGB', 'Mini', 'Karaoke'],
    th: ['พกพา', 'กันน้ำ', 'เบสแน่น', 'ไฟ RGB', 'มินิ', 'คาราโอเกะ'],
    vi: ['Nhỏ Gọn', 'Chống Nước', 'Bass Mạnh', 'Đèn LED RGB', 'Mini', 'Karaoke'],
    fil: ['Portable', 'Waterproof', 'Super Bass', 'RGB Lights', 'Mini', 'Videoke'],
    zh: ['便携', '防水', '重低音', 'RGB灯效', '迷你', 'K歌'],
    'zh-TW': ['便攜', '防水', '重低音', 'RGB燈效', '迷你', '卡拉OK'],
    pt: ['Portátil', 'Resistente à Água', 'Grave Potente', 'Luz RGB', 'Mini', 'Karaokê'],
  },
  brands: ['Boomba', 'Gemuruh', 'Bassline', 'Tunog', 'Caixote', 'Sonora Box'],
  priceUsdCents: [800, 8000],
  weightGrams: [250, 1500],
  options: [BLACK_WHITE],
  taxCategory: 'standard',
}

// Home & living

const fryingPan: ProductFamily = {
  noun: {
    en: 'Frying Pan',
    id: 'Wajan',
    ms: 'Kuali',
    th: 'กระทะ',
    vi: 'Chảo',
    fil: 'Kawali',
    zh: '平底锅',
    'zh-TW': '平底鍋',
    pt: 'Frigideira',
  },
  qualifiers: {
    en: ['Non-Stick', 'Granite Coating', 'Induction Ready', 'With Lid', 'Deep', 'Stainless Steel'],
    id: ['Anti Lengket', 'Lapisan Granit', 'Bisa Induksi', 'Plus Tutup', 'Deep', 'Stainless'],
    ms: [
      'Tidak Melekat',
      'Salutan Granit',
      'Sesuai Dapur Induksi',
      'Dengan Penutup',
      'Dalam',
      'Keluli Tahan Karat',
    ],
    th: ['เคลือบกันติด', 'เคลือบหินแกรนิต', 'ใช้กับเตาแม่เหล็กไฟฟ้าได้', 'พร้อมฝา', 'ทรงลึก', 'สแตนเลส'],
    vi: ['Chống Dính', 'Vân Đá', 'Dùng Được Bếp Từ', 'Kèm Nắp', 'Sâu Lòng', 'Inox'],
    fil: ['Non-Stick', 'Granite Coated', 'Induction Ready', 'With Lid', 'Deep', 'Stainless'],
    zh: ['不粘', '麦饭石', '电磁炉通用', '带锅盖', '加深', '不锈钢'],
    'zh-TW': ['不沾', '麥飯石', '電磁爐適用', '附鍋蓋', '加深', '不鏽鋼'],
    pt: ['Antiaderente', 'Cerâmica', 'Indução', 'Com Tampa', 'Funda', 'Inox'],
  },
  brands: ['Dapurku', 'Kuali Emas', 'Chefora', 'Panela Viva', 'Granito Home', 'Lutong Bahay'],
  priceUsdCents: [800, 5000],
  weightGrams: [600, 1800],
  options: [
    {
      name: SIZE_NAME,
      values: everywhere(['20 cm', '24 cm', '28 cm', '32 cm'], {
        th: ['20 ซม.', '24 ซม.', '28 ซม.', '32 ซม.'],
        vi: ['20cm', '24cm', '28cm', '32cm'],
        zh: ['20cm', '24cm', '28cm', '32cm'],
        'zh-TW': ['20cm', '24cm', '28cm', '32cm'],
      }),
    },
  ],
  taxCategory: 'standard',
}

const foodContainer: ProductFamily = {
  noun: {
    en: 'Food Container',
    id: 'Kotak Makan',
    ms: 'Bekas Makanan',
    th: 'กล่องใส่อาหาร',
    vi: 'Hộp Đựng Thực Phẩm',
    fil: 'Food Container',
    zh: '保鲜盒',
    'zh-TW': '保鮮盒',
    pt: 'Pote Hermético',
  },
  qualifiers: {
    en: ['BPA-Free', 'Microwave Safe', 'Airtight', 'Glass', 'Stackable', 'Leakproof'],
    id: ['BPA Free', 'Bisa Microwave', 'Kedap Udara', 'Kaca', 'Bisa Disusun', 'Anti Bocor'],
    ms: ['Bebas BPA', 'Boleh Microwave', 'Kedap Udara', 'Kaca', 'Boleh Disusun', 'Kalis Bocor'],
    th: ['BPA Free', 'เข้าไมโครเวฟได้', 'ฝาล็อก 4 ด้าน', 'แก้ว', 'ซ้อนได้', 'กันรั่ว'],
    vi: ['Không BPA', 'Dùng Được Lò Vi Sóng', 'Kín Khí', 'Thủy Tinh', 'Xếp Chồng', 'Chống Tràn'],
    fil: ['BPA Free', 'Microwavable', 'Airtight', 'Glass', 'Stackable', 'Leak-Proof'],
    zh: ['不含BPA', '可微波', '密封', '玻璃', '可叠加', '防漏'],
    'zh-TW': ['不含BPA', '可微波', '密封', '玻璃', '可堆疊', '防漏'],
    pt: [
      'Livre de BPA',
      'Vai ao Micro-ondas',
      'Com Trava',
      'Vidro',
      'Empilhável',
      'À Prova de Vazamento',
    ],
  },
  brands: ['Simpanan', 'Kotakita', 'Bentoya', 'Sealio', 'Guarda Bem', 'Lalagyan Co'],
  priceUsdCents: [200, 2500],
  weightGrams: [150, 1500],
  options: [
    {
      name: CAPACITY_NAME,
      values: {
        en: ['500 ml', '800 ml', '1.5 L'],
        id: ['500 ml', '800 ml', '1,5 L'],
        ms: ['500 ml', '800 ml', '1.5 L'],
        th: ['500 มล.', '800 มล.', '1.5 ลิตร'],
        vi: ['500ml', '800ml', '1,5L'],
        fil: ['500 ml', '800 ml', '1.5 L'],
        zh: ['500ml', '800ml', '1.5L'],
        'zh-TW': ['500ml', '800ml', '1.5L'],
        pt: ['500 ml', '800 ml', '1,5 L'],
      },
    },
    {
      name: {
        en: 'Pack',
        id: 'Isi',
        ms: 'Kuantiti',
        th: 'จำนวน',
        vi: 'Số Lượng',
        fil: 'Pack',
        zh: '数量',
        'zh-TW': '入數',
        pt: 'Quantidade',
      },
      values: {
        en: ['1 pc', '3 pcs', '5 pcs'],
        id: ['1 Pcs', 'Isi 3', 'Isi 5'],
        ms: ['1 Biji', '3 Biji', '5 Biji'],
        th: ['1 ชิ้น', '3 ชิ้น', '5 ชิ้น'],
        vi: ['1 Hộp', 'Bộ 3 Hộp', 'Bộ 5 Hộp'],
        fil: ['1 pc', '3 pcs', '5 pcs'],
        zh: ['1个', '3个装', '5个装'],
        'zh-TW': ['1入', '3入', '5入'],
        pt: ['1 Unidade', 'Kit com 3', 'Kit com 5'],
      },
    },
  ],
  taxCategory: 'standard',
}

const riceCooker: ProductFamily = {
  noun: {
    en: 'Rice Cooker',
    id: 'Rice Cooker',
    ms: 'Periuk Nasi',
    th: 'หม้อหุงข้าว',
    vi: 'Nồi Cơm Điện',
    fil: 'Rice Cooker',
    zh: '电饭煲',
    'zh-TW': '電子鍋',
    pt: 'Panela Elétrica de Arroz',
  },
  qualifiers: {
    en: ['Digital', 'Non-Stick Inner Pot', 'Mini', 'Multifunction', 'Keep Warm', 'With Steamer'],
    id: ['Digital', 'Anti Lengket', 'Mini', 'Multifungsi', '3in1', 'Low Watt'],
    ms: [
      'Digital',
      'Tidak Melekat',
      'Mini',
      'Pelbagai Fungsi',
      'Jimat Elektrik',
      'Dengan Pengukus',
    ],
    th: ['ระบบดิจิทัล', 'เคลือบกันติด', 'ขนาดเล็ก', 'อเนกประสงค์', 'อุ่นอัตโนมัติ', 'มีซึ้งนึ่ง'],
    vi: ['Điện Tử', 'Lòng Chống Dính', 'Mini', 'Đa Năng', 'Giữ Ấm', 'Kèm Xửng Hấp'],
    fil: ['Digital', 'Non-Stick', 'Mini', 'Multi-Function', 'Keep Warm', 'With Steamer'],
    zh: ['智能', '不粘内胆', '迷你', '多功能', '预约保温', '带蒸笼'],
    'zh-TW': ['微電腦', '不沾內鍋', '迷你', '多功能', '自動保溫', '附蒸籠'],
    pt: [
      'Digital',
      'Antiaderente',
      'Mini',
      'Multifuncional',
      'Mantém Aquecido',
      'Com Cesto para Vapor',
    ],
  },
  brands: ['Nasiku', 'Cosmo Kitchen', 'Hom Mali Home', 'Sinaing', 'Arrozito', 'Fanxiang'],
  priceUsdCents: [1500, 12000],
  weightGrams: [1500, 5000],
  options: [
    {
      name: CAPACITY_NAME,
      values: {
        en: ['0.6 L', '1 L', '1.8 L'],
        id: ['0,6 L', '1 L', '1,8 L'],
        ms: ['0.6 L', '1 L', '1.8 L'],
        th: ['0.6 ลิตร', '1 ลิตร', '1.8 ลิตร'],
        vi: ['0,6L', '1L', '1,8L'],
        fil: ['0.6 L', '1 L', '1.8 L'],
        zh: ['0.6L', '1L', '1.8L'],
        'zh-TW': ['3人份', '6人份', '10人份'],
        pt: ['0,6 L', '1 L', '1,8 L'],
      },
    },
    BLACK_WHITE,
  ],
  taxCategory: 'standard',
}

const bedSheetSet: ProductFamily = {
  noun: {
    en: 'Bed Sheet Set',
    id: 'Sprei',
    ms: 'Cadar',
    th: 'ผ้าปูที่นอน',
    vi: 'Bộ Ga Giường',
    fil: 'Bedsheet Set',
    zh: '床单',
    'zh-TW': '床包組',
    pt: 'Jogo de Lençol',
  },
  qualifiers: {
    en: ['Microfiber', 'Cotton', 'Fitted', 'Cooling', 'Floral Print', 'Wrinkle-Free'],
    id: ['Microfiber', 'Katun Jepang', 'Model Karet', 'Adem', 'Motif Bunga', 'Anti Kusut'],
    ms: ['Microfiber', 'Kapas', 'Fitted', 'Sejuk', 'Corak Bunga', 'Tidak Mudah Berkedut'],
    th: ['ไมโครไฟเบอร์', 'ผ้าฝ้าย', 'รัดมุม', 'ผ้าเย็น', 'ลายดอกไม้', 'ไม่ยับง่าย'],
    vi: ['Cotton Tici', 'Cotton 100%', 'Bo Chun', 'Mát Lạnh', 'Họa Tiết Hoa', 'Không Nhăn'],
    fil: ['Microfiber', 'Cotton', 'Garterized', 'Cooling', 'Floral', 'Wrinkle-Free'],
    zh: ['纯棉', '磨毛', '冰丝', '碎花', '不起球', '水洗棉'],
    'zh-TW': ['純棉', '涼感', '碎花', '防蟎', '素色', '親膚'],
    pt: ['Microfibra', '100% Algodão', 'Com Elástico', 'Toque Macio', 'Estampado', 'Não Amassa'],
  },
  brands: ['Tidur Nyenyak', 'Lena Home', 'Nidra', 'Kumotan', 'Lençolar', 'Ngủ Ngon'],
  priceUsdCents: [800, 6000],
  weightGrams: [600, 2000],
  options: [
    {
      name: {
        en: 'Bed Size',
        id: 'Ukuran',
        ms: 'Saiz Katil',
        th: 'ขนาดที่นอน',
        vi: 'Kích Thước',
        fil: 'Size',
        zh: '尺寸',
        'zh-TW': '尺寸',
        pt: 'Tamanho',
      },
      values: {
        en: ['Single', 'Queen', 'King'],
        id: ['90x200', '160x200', '180x200'],
        ms: ['Single', 'Queen', 'King'],
        th: ['3.5 ฟุต', '5 ฟุต', '6 ฟุต'],
        vi: ['1m2 x 2m', '1m6 x 2m', '1m8 x 2m'],
        fil: ['Single', 'Queen', 'King'],
        zh: ['1.2m床', '1.5m床', '1.8m床'],
        'zh-TW': ['單人3.5尺', '雙人5尺', '加大6尺'],
        pt: ['Solteiro', 'Queen', 'King'],
      },
    },
    SOFT_COLORS,
  ],
  taxCategory: 'standard',
}

const pillow: ProductFamily = {
  noun: {
    en: 'Pillow',
    id: 'Bantal',
    ms: 'Bantal',
    th: 'หมอน',
    vi: 'Gối',
    fil: 'Unan',
    zh: '枕头',
    'zh-TW': '枕頭',
    pt: 'Travesseiro',
  },
  qualifiers: {
    en: [
      'Memory Foam',
      'Hotel Quality',
      'Orthopedic',
      'Microfiber Filling',
      'Soft',
      'Anti-Dust Mite',
    ],
    id: ['Memory Foam', 'Hotel', 'Bantal Kesehatan', 'Isi Silikon', 'Empuk', 'Anti Tungau'],
    ms: ['Memory Foam', 'Kualiti Hotel', 'Ortopedik', 'Gentian Mikro', 'Lembut', 'Anti Hama Habuk'],
    th: ['เมมโมรี่โฟม', 'เกรดโรงแรม', 'เพื่อสุขภาพ', 'ใยไมโครไฟเบอร์', 'นุ่มพิเศษ', 'กันไรฝุ่น'],
    vi: [
      'Cao Su Non',
      'Tiêu Chuẩn Khách Sạn',
      'Chống Mỏi Cổ',
      'Bông Microfiber',
      'Êm Ái',
      'Kháng Khuẩn',
    ],
    fil: ['Memory Foam', 'Hotel Quality', 'Orthopedic', 'Microfiber', 'Malambot', 'Anti-Dust Mite'],
    zh: ['记忆棉', '酒店', '护颈', '羽丝绒', '柔软', '防螨'],
    'zh-TW': ['記憶棉', '飯店級', '護頸', '羽絲絨', '柔軟', '防蟎'],
    pt: ['Viscoelástico', 'Padrão Hotel', 'Cervical', 'Fibra Siliconizada', 'Macio', 'Antiácaro'],
  },
  brands: ['Bantalku', 'Cloudrest', 'Mimpi', 'Sonhar', 'Hotel Dream', 'Unanito'],
  priceUsdCents: [400, 4000],
  weightGrams: [500, 1500],
  options: [
    {
      name: {
        en: 'Pack',
        id: 'Isi',
        ms: 'Kuantiti',
        th: 'จำนวน',
        vi: 'Số Lượng',
        fil: 'Pack',
        zh: '数量',
        'zh-TW': '入數',
        pt: 'Quantidade',
      },
      values: {
        en: ['1 pc', '2 pcs'],
        id: ['1 Pcs', '2 Pcs'],
        ms: ['1 Biji', '2 Biji'],
        th: ['1 ใบ', '2 ใบ'],
        vi: ['1 Chiếc', '1 Đôi'],
        fil: ['1 pc', '2 pcs'],
        zh: ['1只', '1对'],
        'zh-TW': ['1入', '2入'],
        pt: ['1 Unidade', 'Kit com 2'],
      },
    },
  ],
  taxCategory: 'standard',
}

// Beauty

const facialSerum: ProductFamily = {
  noun: {
    en: 'Serum',
    id: 'Serum Wajah',
    ms: 'Serum Muka',
    th: 'เซรั่ม',
    vi: 'Serum',
    fil: 'Serum',
    zh: '精华液',
    'zh-TW': '精華液',
    pt: 'Sérum Facial',
  },
  qualifiers: {
    en: [
      'Niacinamide 10%',
      'Vitamin C',
      'Hyaluronic Acid',
      'Brightening',
      'Acne Care',
      'For Sensitive Skin',
    ],
    id: ['Niacinamide 10%', 'Vitamin C', 'Hyaluronic Acid', 'Brightening', 'Acne', 'BPOM'],
    ms: [
      'Niacinamide 10%',
      'Vitamin C',
      'Asid Hialuronik',
      'Mencerahkan',
      'Rawatan Jerawat',
      'Kulit Sensitif',
    ],
    th: ['ไนอาซินาไมด์ 10%', 'วิตามินซี', 'ไฮยาลูรอน', 'ผิวกระจ่างใส', 'ลดสิว', 'สำหรับผิวแพ้ง่าย'],
    vi: ['Niacinamide 10%', 'Vitamin C', 'HA Cấp Ẩm', 'Dưỡng Trắng', 'Giảm Mụn', 'Da Nhạy Cảm'],
    fil: [
      'Niacinamide 10%',
      'Vitamin C',
      'Hyaluronic Acid',
      'Whitening',
      'Anti-Acne',
      'For Sensitive Skin',
    ],
    zh: ['烟酰胺', '维C', '玻尿酸', '美白提亮', '祛痘', '敏感肌可用'],
    'zh-TW': ['菸鹼醯胺', '維他命C', '玻尿酸', '亮白', '抗痘', '敏感肌適用'],
    pt: [
      'Niacinamida 10%',
      'Vitamina C',
      'Ácido Hialurônico',
      'Clareador',
      'Antiacne',
      'Pele Sensível',
    ],
  },
  brands: ['Glowra', 'Kulitku', 'Seri Ayu', 'Luminae', 'Skinfolk', 'Bella Derm'],
  priceUsdCents: [300, 4000],
  weightGrams: [50, 150],
  options: [ml(['20', '30', '50'])],
  taxCategory: 'standard',
}

const sunscreen: ProductFamily = {
  noun: {
    en: 'Sunscreen',
    id: 'Sunscreen',
    ms: 'Sunscreen',
    th: 'ครีมกันแดด',
    vi: 'Kem Chống Nắng',
    fil: 'Sunblock',
    zh: '防晒霜',
    'zh-TW': '防曬乳',
    pt: 'Protetor Solar',
  },
  qualifiers: {
    en: ['SPF 50 PA++++', 'Water Resistant', 'Non-Greasy', 'Tone Up', 'Gel', 'For Sensitive Skin'],
    id: ['SPF 50 PA++++', 'Waterproof', 'Tidak Lengket', 'Tone Up', 'Gel', 'Untuk Kulit Berminyak'],
    ms: ['SPF 50 PA++++', 'Kalis Air', 'Tidak Berminyak', 'Tone Up', 'Gel', 'Kulit Sensitif'],
    th: ['SPF50 PA++++', 'กันน้ำกันเหงื่อ', 'ไม่เหนอะหนะ', 'โทนอัพ', 'เนื้อเจล', 'คุมมัน'],
    vi: ['SPF 50 PA++++', 'Chống Nước', 'Không Nhờn Rít', 'Nâng Tone', 'Dạng Gel', 'Kiềm Dầu'],
    fil: ['SPF 50 PA++++', 'Water Resistant', 'Non-Sticky', 'Tone Up', 'Gel Type', 'For Oily Skin'],
    zh: ['SPF50 PA++++', '防水防汗', '清爽不油腻', '素颜提亮', '水感', '控油'],
    'zh-TW': ['SPF50 PA++++', '防水防汗', '清爽不黏膩', '潤色提亮', '水凝', '控油'],
    pt: ['FPS 50', 'Resistente à Água', 'Toque Seco', 'Com Cor', 'Gel', 'Pele Oleosa'],
  },
  brands: ['Suria', 'Sunveil', 'Mentari', 'Soleil Lab', 'Araw', 'Solara'],
  priceUsdCents: [300, 3000],
  weightGrams: [50, 150],
  options: [ml(['30', '50', '100'])],
  taxCategory: 'standard',
}

const facialWash: ProductFamily = {
  noun: {
    en: 'Facial Wash',
    id: 'Facial Wash',
    ms: 'Pencuci Muka',
    th: 'โฟมล้างหน้า',
    vi: 'Sữa Rửa Mặt',
    fil: 'Facial Wash',
    zh: '洗面奶',
    'zh-TW': '洗面乳',
    pt: 'Sabonete Facial',
  },
  qualifiers: {
    en: ['Gentle', 'Low pH', 'Acne Control', 'Salicylic Acid', 'Foaming', 'Brightening'],
    id: ['Gentle', 'Low pH', 'Acne', 'Salicylic Acid', 'Busa Lembut', 'Brightening'],
    ms: ['Lembut', 'pH Rendah', 'Kawalan Jerawat', 'Asid Salisilik', 'Berbuih', 'Mencerahkan'],
    th: ['อ่อนโยน', 'pH 5.5', 'ลดสิว', 'ซาลิไซลิก', 'ฟองนุ่ม', 'หน้าใส'],
    vi: ['Dịu Nhẹ', 'pH 5.5', 'Giảm Mụn', 'BHA', 'Tạo Bọt', 'Sáng Da'],
    fil: ['Gentle', 'Low pH', 'Anti-Acne', 'Salicylic Acid', 'Foaming', 'Brightening'],
    zh: ['温和', '氨基酸', '祛痘', '水杨酸', '绵密泡沫', '深层清洁'],
    'zh-TW': ['溫和', '胺基酸', '抗痘', '水楊酸', '綿密泡沫', '深層清潔'],
    pt: ['Suave', 'pH Balanceado', 'Antiacne', 'Ácido Salicílico', 'Espuma', 'Limpeza Profunda'],
  },
  brands: ['Cleara', 'Foamly', 'Purezen', 'Wajah Bersih', 'Hoa Sen Beauty', 'Limpa'],
  priceUsdCents: [200, 1800],
  weightGrams: [80, 250],
  options: [ml(['50', '100', '150'])],
  taxCategory: 'standard',
}

const lipstick: ProductFamily = {
  noun: {
    en: 'Lipstick',
    id: 'Lip Cream',
    ms: 'Lipstick',
    th: 'ลิปสติก',
    vi: 'Son Kem',
    fil: 'Lipstick',
    zh: '口红',
    'zh-TW': '口紅',
    pt: 'Batom',
  },
  qualifiers: {
    en: ['Matte', 'Long Lasting', 'Transferproof', 'Velvet', 'Hydrating', 'Lightweight'],
    id: ['Matte', 'Tahan Lama', 'Transferproof', 'Velvet', 'Melembapkan', 'Halal'],
    ms: ['Matte', 'Tahan Lama', 'Transferproof', 'Velvet', 'Melembapkan', 'Halal'],
    th: ['แมท', 'ติดทนนาน', 'ไม่ติดแมส', 'เนื้อกำมะหยี่', 'ชุ่มชื้น', 'เนื้อบางเบา'],
    vi: ['Lì', 'Lâu Trôi', 'Không Dính Cốc', 'Chất Nhung', 'Dưỡng Ẩm', 'Mỏng Nhẹ'],
    fil: ['Matte', 'Long Lasting', 'Transferproof', 'Velvet', 'Moisturizing', 'Lightweight'],
    zh: ['哑光', '持久', '不沾杯', '丝绒', '滋润', '显白'],
    'zh-TW': ['霧面', '持久', '不沾杯', '絲絨', '滋潤', '顯白'],
    pt: ['Matte', 'Longa Duração', 'Não Transfere', 'Aveludado', 'Hidratante', 'Vegano'],
  },
  brands: ['Lipora', 'Merah Delima', 'Rose Kiss', 'Kiss Manila', 'Labia', 'Bibir Ayu'],
  priceUsdCents: [200, 2500],
  weightGrams: [20, 60],
  options: [
    {
      name: SHADE_NAME,
      values: {
        en: ['Nude', 'Rose Pink', 'Classic Red', 'Brick Brown'],
        id: ['Nude', 'Rose Pink', 'Merah Klasik', 'Merah Bata'],
        ms: ['Nude', 'Merah Jambu Ros', 'Merah Klasik', 'Merah Bata'],
        th: ['สีนู้ด', 'สีชมพูกุหลาบ', 'สีแดงคลาสสิก', 'สีอิฐ'],
        vi: ['Nude', 'Hồng Phấn', 'Đỏ Cổ Điển', 'Đỏ Gạch'],
        fil: ['Nude', 'Rose Pink', 'Classic Red', 'Brick Brown'],
        zh: ['裸色', '玫瑰粉', '正红色', '砖红色'],
        'zh-TW': ['裸色', '玫瑰粉', '正紅色', '磚紅色'],
        pt: ['Nude', 'Rosa', 'Vermelho Clássico', 'Terracota'],
      },
    },
  ],
  taxCategory: 'standard',
}

const cushionFoundation: ProductFamily = {
  noun: {
    en: 'Cushion Foundation',
    id: 'Cushion',
    ms: 'Cushion',
    th: 'คุชชั่น',
    vi: 'Phấn Nước',
    fil: 'Cushion',
    zh: '气垫粉底',
    'zh-TW': '氣墊粉餅',
    pt: 'Base Cushion',
  },
  qualifiers: {
    en: ['SPF 50', 'Full Coverage', 'Dewy Finish', 'Matte Finish', 'Oil Control', 'With Refill'],
    id: ['SPF 50', 'High Coverage', 'Glowing', 'Matte', 'Oil Control', 'Free Refill'],
    ms: ['SPF 50', 'Liputan Penuh', 'Dewy', 'Matte', 'Kawalan Minyak', 'Dengan Refill'],
    th: ['SPF50', 'ปกปิดดีเยี่ยม', 'ผิวโกลว์', 'ผิวแมท', 'คุมมัน', 'แถมรีฟิล'],
    vi: ['SPF 50', 'Che Phủ Cao', 'Căng Bóng', 'Kiềm Dầu', 'Mỏng Nhẹ', 'Kèm Lõi Thay'],
    fil: ['SPF 50', 'Full Coverage', 'Dewy', 'Matte', 'Oil Control', 'With Refill'],
    zh: ['SPF50', '高遮瑕', '水光', '哑光', '控油', '送替换装'],
    'zh-TW': ['SPF50', '高遮瑕', '水光', '霧面', '控油', '附補充蕊'],
    pt: [
      'FPS 50',
      'Alta Cobertura',
      'Efeito Glow',
      'Efeito Matte',
      'Controle de Oleosidade',
      'Com Refil',
    ],
  },
  brands: ['Cushy', 'Porcelain Lab', 'Ayu Beauty', 'Velvet Seoul', 'Glow Manila', 'Pele Perfeita'],
  priceUsdCents: [500, 4000],
  weightGrams: [50, 120],
  options: [
    {
      name: SHADE_NAME,
      values: {
        en: ['13 Ivory', '21 Light Beige', '23 Natural Beige', '25 Sand'],
        id: ['13 Ivory', '21 Light Beige', '23 Natural', '25 Sand'],
        ms: ['13 Ivory', '21 Light Beige', '23 Natural Beige', '25 Sand'],
        th: ['13 ผิวขาวอมชมพู', '21 ผิวขาว', '23 ผิวกลาง', '25 ผิวสองสี'],
        vi: ['13 Trắng Hồng', '21 Da Sáng', '23 Da Tự Nhiên', '25 Da Ngăm'],
        fil: ['13 Ivory', '21 Light Beige', '23 Natural Beige', '25 Sand'],
        zh: ['13号 象牙白', '21号 亮肤色', '23号 自然色', '25号 小麦色'],
        'zh-TW': ['13號 象牙白', '21號 亮膚色', '23號 自然色', '25號 小麥色'],
        pt: ['13 Marfim', '21 Bege Claro', '23 Bege Natural', '25 Areia'],
      },
    },
  ],
  taxCategory: 'standard',
}

// Food & beverages

const rice: ProductFamily = {
  noun: {
    en: 'Rice',
    id: 'Beras',
    ms: 'Beras',
    th: 'ข้าวสาร',
    vi: 'Gạo',
    fil: 'Bigas',
    zh: '大米',
    'zh-TW': '白米',
    pt: 'Arroz',
  },
  qualifiers: {
    en: ['Jasmine', 'Premium Grade', 'Long Grain', 'Brown', 'Fragrant', 'New Crop'],
    id: ['Premium', 'Pulen', 'Wangi', 'Medium', 'Organik', 'Panen Baru'],
    ms: ['Wangi', 'Super', 'Tempatan', 'Perang', 'Basmathi', 'Import'],
    th: ['หอมมะลิ', 'เกรดพรีเมียม', 'ข้าวใหม่', 'ข้าวกล้อง', 'ออร์แกนิก', 'ต้นฤดู'],
    vi: ['ST25', 'Thơm Dẻo', 'Lứt', 'Hữu Cơ', 'Tám Thơm', 'Vụ Mới'],
    fil: ['Dinorado', 'Jasmine', 'Premium', 'Sinandomeng', 'Well-Milled', 'Bagong Ani'],
    zh: ['东北', '长粒香', '新米', '有机', '糙米', '珍珠米'],
    'zh-TW': ['台灣', '越光米', '新米', '有機', '糙米', '香米'],
    pt: ['Tipo 1', 'Agulhinha', 'Integral', 'Parboilizado', 'Orgânico', 'Branco'],
  },
  brands: ['Padi Emas', 'Sawah Subur', 'Hom Thong', 'Hat Ngoc', 'Palay King', 'Grao Bom'],
  priceUsdCents: [300, 3000],
  weightGrams: [1000, 10000],
  options: [
    {
      name: WEIGHT_NAME,
      values: {
        en: ['1 kg', '5 kg', '10 kg'],
        id: ['1 Kg', '5 Kg', '10 Kg'],
        ms: ['1 kg', '5 kg', '10 kg'],
        th: ['1 กก.', '5 กก.', '10 กก.'],
        vi: ['1kg', '5kg', '10kg'],
        fil: ['1 kg', '5 kg', '10 kg'],
        zh: ['2斤', '10斤', '20斤'],
        'zh-TW': ['1公斤', '5公斤', '10公斤'],
        pt: ['1 kg', '5 kg', '10 kg'],
      },
    },
  ],
  taxCategory: 'basic_food',
}

const cookingOil: ProductFamily = {
  noun: {
    en: 'Cooking Oil',
    id: 'Minyak Goreng',
    ms: 'Minyak Masak',
    th: 'น้ำมันพืช',
    vi: 'Dầu Ăn',
    fil: 'Mantika',
    zh: '食用油',
    'zh-TW': '食用油',
    pt: 'Óleo de Cozinha',
  },
  qualifiers: {
    en: ['Palm', 'Sunflower', 'Canola', 'Non-GMO', 'Cholesterol-Free', 'Refill Pouch'],
    id: ['Kelapa Sawit', 'Bunga Matahari', 'Canola', 'Non Kolesterol', 'Premium', 'Pouch'],
    ms: ['Kelapa Sawit', 'Bunga Matahari', 'Kanola', 'Tanpa Kolesterol', 'Bukan GMO', 'Botol'],
    th: ['ปาล์ม', 'ถั่วเหลือง', 'ทานตะวัน', 'คาโนล่า', 'ไม่มีคอเลสเตอรอล', 'แบบถุงเติม'],
    vi: ['Đậu Nành', 'Hướng Dương', 'Canola', 'Tinh Luyện', 'Không Cholesterol', 'Chai Lớn'],
    fil: ['Palm Oil', 'Canola', 'Coconut', 'Pure', 'Cholesterol-Free', 'Pouch'],
    zh: ['大豆', '花生', '葵花籽', '菜籽', '非转基因', '物理压榨'],
    'zh-TW': ['大豆', '花生', '葵花籽', '芥花', '非基改', '冷壓'],
    pt: ['Soja', 'Girassol', 'Canola', 'Milho', 'Refinado', 'Não Transgênico'],
  },
  brands: ['Sawit Jaya', 'Minyak Mas', 'Golden Palm', 'Tanim Gold', 'Oleosol', 'Dau Vang'],
  priceUsdCents: [200, 2500],
  weightGrams: [900, 5500],
  options: [
    {
      name: VOLUME_NAME,
      values: {
        en: ['1 L', '2 L', '5 L'],
        id: ['1 Liter', '2 Liter', '5 Liter'],
        ms: ['1 Liter', '2 Liter', '5 Liter'],
        th: ['1 ลิตร', '2 ลิตร', '5 ลิตร'],
        vi: ['1 Lít', '2 Lít', '5 Lít'],
        fil: ['1 L', '2 L', '5 L'],
        zh: ['1L', '2L', '5L'],
        'zh-TW': ['1公升', '2公升', '5公升'],
        pt: ['1 L', '2 L', '5 L'],
      },
    },
  ],
  taxCategory: 'basic_food',
}

const potatoChips: ProductFamily = {
  noun: {
    en: 'Potato Chips',
    id: 'Keripik Kentang',
    ms: 'Kerepek Kentang',
    th: 'มันฝรั่งทอดกรอบ',
    vi: 'Snack Khoai Tây',
    fil: 'Potato Chips',
    zh: '薯片',
    'zh-TW': '洋芋片',
    pt: 'Batata Chips',
  },
  qualifiers: {
    en: ['Salted Egg', 'Seaweed', 'Cheese', 'Spicy', 'BBQ', 'Sour Cream & Onion', 'Crinkle Cut'],
    id: ['Telur Asin', 'Rumput Laut', 'Keju', 'Pedas', 'Balado', 'BBQ', 'Bergelombang'],
    ms: ['Telur Masin', 'Rumpai Laut', 'Keju', 'Pedas', 'BBQ', 'Krim Masam & Bawang'],
    th: ['รสไข่เค็ม', 'รสสาหร่าย', 'รสชีส', 'รสเผ็ด', 'รสบาร์บีคิว', 'รสซาวครีมหัวหอม', 'แผ่นหยัก'],
    vi: ['Vị Trứng Muối', 'Vị Rong Biển', 'Vị Phô Mai', 'Vị Cay', 'Vị BBQ', 'Lát Gợn Sóng'],
    fil: ['Salted Egg', 'Seaweed', 'Cheese', 'Spicy', 'BBQ', 'Sour Cream', 'Crinkle Cut'],
    zh: ['咸蛋黄', '海苔', '芝士', '香辣', '烧烤味', '酸奶洋葱', '波浪'],
    'zh-TW': ['鹹蛋黃', '海苔', '起司', '辣味', '烤肉味', '酸奶洋蔥', '波浪'],
    pt: [
      'Queijo',
      'Churrasco',
      'Cebola e Salsa',
      'Picante',
      'Ondulada',
      'Tradicional',
      'Sem Glúten',
    ],
  },
  brands: ['Kriuk', 'Grobb', 'Kerepek Mak Teh', 'Crunchy Kaki', 'Crocante', 'Krob Krob'],
  priceUsdCents: [100, 800],
  weightGrams: [50, 300],
  options: [grams(['60', '120', '200'])],
  taxCategory: 'standard',
}

const cookies: ProductFamily = {
  noun: {
    en: 'Cookies',
    id: 'Kue Kering',
    ms: 'Biskut',
    th: 'คุกกี้',
    vi: 'Bánh Quy',
    fil: 'Cookies',
    zh: '曲奇饼干',
    'zh-TW': '餅乾',
    pt: 'Cookie',
  },
  qualifiers: {
    en: ['Chocolate Chip', 'Butter', 'Homemade', 'Oatmeal', 'Matcha', 'Gift Tin'],
    id: ['Nastar', 'Kastengel', 'Choco Chips', 'Homemade', 'Toples', 'Lebaran'],
    ms: ['Coklat Cip', 'Mentega', 'Homemade', 'Oat', 'Raya', 'Balang'],
    th: ['ช็อกโกแลตชิพ', 'เนยสด', 'โฮมเมด', 'ข้าวโอ๊ต', 'ชาเขียวมัทฉะ', 'กล่องของขวัญ'],
    vi: ['Chocochip', 'Bơ', 'Nhà Làm', 'Yến Mạch', 'Hộp Thiếc', 'Quà Tết'],
    fil: ['Chocolate Chip', 'Butter', 'Homemade', 'Oatmeal', 'Chewy', 'Pasalubong'],
    zh: ['巧克力豆', '黄油', '手工', '燕麦', '铁盒装', '年货'],
    'zh-TW': ['巧克力豆', '奶油', '手工', '燕麥', '鐵盒', '伴手禮'],
    pt: ['Gotas de Chocolate', 'Amanteigado', 'Artesanal', 'Aveia', 'Integral', 'Vegano'],
  },
  brands: [
    'Dapur Oma',
    'Kue Bunda',
    'Biskut Nenek',
    'Lola Bakeshop',
    'Casa do Biscoito',
    'Butterleaf',
  ],
  priceUsdCents: [200, 2000],
  weightGrams: [150, 800],
  options: [
    {
      name: WEIGHT_NAME,
      values: {
        en: ['250 g', '500 g', '1 kg'],
        id: ['250 gr', '500 gr', '1 Kg'],
        ms: ['250 g', '500 g', '1 kg'],
        th: ['250 กรัม', '500 กรัม', '1 กก.'],
        vi: ['250g', '500g', '1kg'],
        fil: ['250 g', '500 g', '1 kg'],
        zh: ['250g', '500g', '1kg'],
        'zh-TW': ['250g', '500g', '1kg'],
        pt: ['250 g', '500 g', '1 kg'],
      },
    },
  ],
  taxCategory: 'standard',
}

const coffee: ProductFamily = {
  noun: {
    en: 'Coffee',
    id: 'Kopi',
    ms: 'Kopi',
    th: 'กาแฟ',
    vi: 'Cà Phê',
    fil: 'Kape',
    zh: '咖啡',
    'zh-TW': '咖啡',
    pt: 'Café',
  },
  qualifiers: {
    en: ['Arabica', 'Robusta', 'Ground', 'Whole Bean', '3-in-1', 'Cold Brew', 'Medium Roast'],
    id: ['Arabika', 'Robusta', 'Bubuk', 'Biji', 'Gayo', 'Toraja', 'Medium Roast'],
    ms: ['Arabika', 'Robusta', 'Serbuk', 'Biji', '3 Dalam 1', 'Putih Ipoh', 'Tongkat Ali'],
    th: ['อาราบิก้า', 'โรบัสต้า', 'คั่วบด', 'เมล็ดคั่ว', '3in1', 'คั่วกลาง', 'คั่วเข้ม'],
    vi: [
      'Robusta',
      'Arabica',
      'Rang Xay',
      'Nguyên Hạt',
      'Hòa Tan 3in1',
      'Pha Phin',
      'Buôn Ma Thuột',
    ],
    fil: ['Barako', 'Arabica', 'Ground', 'Whole Beans', '3-in-1', 'Batangas', 'Benguet'],
    zh: ['阿拉比卡', '云南', '速溶三合一', '挂耳', '冷萃', '中度烘焙', '美式'],
    'zh-TW': ['阿拉比卡', '濾掛式', '三合一', '冷萃', '中焙', '單品', '耶加雪菲'],
    pt: [
      'Arábica',
      'Torrado e Moído',
      'Em Grãos',
      'Gourmet',
      'Extraforte',
      'Solúvel',
      'Cerrado Mineiro',
    ],
  },
  brands: [
    'Gunung Kawi',
    'Kopi Nusantara',
    'Barako Brew',
    'Highland Bean',
    'Cafezal',
    'Phin Saigon',
  ],
  priceUsdCents: [300, 3000],
  weightGrams: [150, 1100],
  options: [
    {
      name: WEIGHT_NAME,
      values: {
        en: ['200 g', '500 g', '1 kg'],
        id: ['200 gr', '500 gr', '1 Kg'],
        ms: ['200 g', '500 g', '1 kg'],
        th: ['200 กรัม', '500 กรัม', '1 กก.'],
        vi: ['200g', '500g', '1kg'],
        fil: ['200 g', '500 g', '1 kg'],
        zh: ['200g', '500g', '1kg'],
        'zh-TW': ['200g', '500g', '1kg'],
        pt: ['200 g', '500 g', '1 kg'],
      },
    },
  ],
  taxCategory: 'standard',
}

const tea: ProductFamily = {
  noun: {
    en: 'Tea',
    id: 'Teh',
    ms: 'Teh',
    th: 'ชา',
    vi: 'Trà',
    fil: 'Tsaa',
    zh: '茶叶',
    'zh-TW': '茶葉',
    pt: 'Chá',
  },
  qualifiers: {
    en: ['Jasmine', 'Oolong', 'Green', 'Earl Grey', 'Tea Bags', 'Loose Leaf'],
    id: ['Melati', 'Hijau', 'Oolong', 'Celup', 'Tubruk', 'Thai Tea', 'Sereh'],
    ms: ['Hijau', 'Melati', 'Oolong', 'Uncang', 'Tarik', 'Cameron Highlands'],
    th: ['กลิ่นมะลิ', 'อู่หลง', 'ชาไทยสูตรต้นตำรับ', 'แบบซอง', 'ใบชาแห้ง', 'ออร์แกนิก', 'ดอยแม่สลอง'],
    vi: ['Xanh', 'Ô Long', 'Lài', 'Thái Nguyên', 'Túi Lọc', 'Sen'],
    fil: ['Green', 'Jasmine', 'Oolong', 'Ginger', 'Tanglad', 'Tea Bags'],
    zh: ['龙井', '铁观音', '茉莉花茶', '普洱', '袋泡', '明前', '罐装'],
    'zh-TW': ['高山茶', '烏龍', '阿里山', '東方美人', '茶包', '冷泡', '茉莉'],
    pt: ['Verde', 'Camomila', 'Hibisco', 'Mate', 'Em Sachê', 'A Granel', 'Detox'],
  },
  brands: ['Teh Kebun', 'Cameron Leaf', 'Doi Tea House', 'Formosa Leaf', 'Cha da Serra', 'Tsaa Co'],
  priceUsdCents: [200, 2500],
  weightGrams: [50, 600],
  options: [grams(['50', '100', '250'])],
  taxCategory: 'standard',
}

// Sports & outdoors

const yogaMat: ProductFamily = {
  noun: {
    en: 'Yoga Mat',
    id: 'Matras Yoga',
    ms: 'Tikar Yoga',
    th: 'เสื่อโยคะ',
    vi: 'Thảm Tập Yoga',
    fil: 'Yoga Mat',
    zh: '瑜伽垫',
    'zh-TW': '瑜珈墊',
    pt: 'Tapete de Yoga',
  },
  qualifiers: {
    en: ['TPE', 'Non-Slip', '6 mm', '8 mm', 'With Carry Strap', 'Eco-Friendly', 'Extra Thick'],
    id: ['TPE', 'Anti Slip', '6mm', '8mm', 'Free Tas', 'Tebal'],
    ms: ['TPE', 'Anti Gelincir', '6mm', '8mm', 'Dengan Tali', 'Tebal', 'Mesra Alam'],
    th: ['TPE', 'กันลื่น', 'หนา 6 มม.', 'หนา 8 มม.', 'แถมสายรัด', 'เป็นมิตรกับสิ่งแวดล้อม'],
    vi: ['TPE', 'Chống Trượt', 'Dày 6mm', 'Dày 8mm', 'Tặng Túi', 'Định Tuyến'],
    fil: ['TPE', 'Non-Slip', '6mm', '8mm', 'With Free Bag', 'Extra Thick'],
    zh: ['TPE', '防滑', '6mm', '加厚', '体位线', '送绑带', '环保'],
    'zh-TW': ['TPE', '防滑', '6mm', '加厚', '體位線', '附綁帶', '環保'],
    pt: ['TPE', 'Antiderrapante', '6 mm', 'Extra Grosso', 'Com Alça', 'Ecológico'],
  },
  brands: ['Yogana', 'Lentur', 'Santai Fit', 'Zen Mat', 'Asana Home', 'Tapetto'],
  priceUsdCents: [500, 4000],
  weightGrams: [700, 2000],
  options: [SOFT_COLORS],
  taxCategory: 'standard',
}

const dumbbell: ProductFamily = {
  noun: {
    en: 'Dumbbell',
    id: 'Dumbbell',
    ms: 'Dumbbell',
    th: 'ดัมเบล',
    vi: 'Tạ Tay',
    fil: 'Dumbbell',
    zh: '哑铃',
    'zh-TW': '啞鈴',
    pt: 'Halter',
  },
  qualifiers: {
    en: ['Adjustable', 'Rubber Coated', 'Hex', 'Cast Iron', 'Home Gym', 'Pair'],
    id: ['Adjustable', 'Vinyl', 'Hex', 'Besi', 'Home Gym', 'Sepasang'],
    ms: ['Boleh Laras', 'Salutan Getah', 'Hex', 'Besi Tuang', 'Home Gym', 'Sepasang'],
    th: ['ปรับน้ำหนักได้', 'หุ้มยาง', 'หกเหลี่ยม', 'เหล็กหล่อ', 'ออกกำลังกายที่บ้าน', '1 คู่'],
    vi: ['Điều Chỉnh', 'Bọc Cao Su', 'Lục Giác', 'Gang Đúc', 'Tập Tại Nhà', '1 Đôi'],
    fil: ['Adjustable', 'Rubber Coated', 'Hex', 'Cast Iron', 'Home Gym', 'Pair'],
    zh: ['可调节', '包胶', '六角', '铸铁', '家用', '一对装'],
    'zh-TW': ['可調式', '包膠', '六角', '鑄鐵', '居家健身', '一對'],
    pt: ['Ajustável', 'Emborrachado', 'Sextavado', 'Ferro Fundido', 'Treino em Casa', 'Par'],
  },
  brands: ['IronKuat', 'Besi Jaya', 'Forza Gym', 'Lakas', 'Halteria', 'Musclehaus'],
  priceUsdCents: [500, 8000],
  weightGrams: [1100, 20500],
  options: [
    {
      name: WEIGHT_NAME,
      values: everywhere(['2 kg', '5 kg', '10 kg', '20 kg'], {
        id: ['2 Kg', '5 Kg', '10 Kg', '20 Kg'],
        th: ['2 กก.', '5 กก.', '10 กก.', '20 กก.'],
        vi: ['2kg', '5kg', '10kg', '20kg'],
        zh: ['2kg', '5kg', '10kg', '20kg'],
        'zh-TW': ['2kg', '5kg', '10kg', '20kg'],
      }),
    },
  ],
  taxCategory: 'standard',
}

const campingTent: ProductFamily = {
  noun: {
    en: 'Camping Tent',
    id: 'Tenda Camping',
    ms: 'Khemah',
    th: 'เต็นท์',
    vi: 'Lều Cắm Trại',
    fil: 'Tent',
    zh: '帐篷',
    'zh-TW': '帳篷',
    pt: 'Barraca de Camping',
  },
  qualifiers: {
    en: ['Waterproof', 'Automatic Pop-Up', 'Double Layer', 'Dome', 'Ultralight', 'UV Protection'],
    id: ['Waterproof', 'Otomatis', 'Double Layer', 'Dome', 'Ultralight', 'Anti UV'],
    ms: ['Kalis Air', 'Automatik', 'Dua Lapisan', 'Dome', 'Ringan', 'Anti UV'],
    th: ['กันน้ำ', 'กางอัตโนมัติ', '2 ชั้น', 'ทรงโดม', 'น้ำหนักเบา', 'กันยูวี'],
    vi: ['Chống Nước', 'Tự Bung', '2 Lớp', 'Dạng Vòm', 'Siêu Nhẹ', 'Chống Tia UV'],
    fil: ['Waterproof', 'Automatic', 'Double Layer', 'Dome', 'Lightweight', 'UV Protection'],
    zh: ['防雨', '全自动速开', '双层', '圆顶', '超轻', '防晒'],
    'zh-TW': ['防水', '秒開', '雙層', '圓頂', '超輕量', '抗UV'],
    pt: ['Impermeável', 'Automática', 'Com Sobreteto', 'Iglu', 'Ultraleve', 'Proteção UV'],
  },
  brands: ['Rimba', 'Trailhaus', 'Gunung Outdoor', 'Kemah', 'Bundok', 'Acampa'],
  priceUsdCents: [1500, 15000],
  weightGrams: [1200, 5000],
  options: [
    {
      name: {
        en: 'Capacity',
        id: 'Kapasitas',
        ms: 'Kapasiti',
        th: 'ขนาด',
        vi: 'Sức Chứa',
        fil: 'Capacity',
        zh: '容纳人数',
        'zh-TW': '適用人數',
        pt: 'Capacidade',
      },
      values: {
        en: ['2-Person', '4-Person', '6-Person'],
        id: ['2 Orang', '4 Orang', '6 Orang'],
        ms: ['2 Orang', '4 Orang', '6 Orang'],
        th: ['2 คน', '4 คน', '6 คน'],
        vi: ['2 Người', '4 Người', '6 Người'],
        fil: ['2 Tao', '4 Tao', '6 Tao'],
        zh: ['2人', '4人', '6人'],
        'zh-TW': ['2人', '4人', '6人'],
        pt: ['2 Pessoas', '4 Pessoas', '6 Pessoas'],
      },
    },
  ],
  taxCategory: 'standard',
}

const hikingBackpack: ProductFamily = {
  noun: {
    en: 'Hiking Backpack',
    id: 'Tas Carrier',
    ms: 'Beg Galas Hiking',
    th: 'กระเป๋าเป้เดินป่า',
    vi: 'Balo Leo Núi',
    fil: 'Hiking Backpack',
    zh: '登山包',
    'zh-TW': '登山背包',
    pt: 'Mochila de Trilha',
  },
  qualifiers: {
    en: ['Waterproof', '40L', '60L', 'Rain Cover Included', 'Lightweight', 'Multi-Pocket'],
    id: ['Waterproof', '40L', '60L', 'Free Rain Cover', 'Ringan', 'Multi Kantong'],
    ms: ['Kalis Air', '40L', '60L', 'Dengan Rain Cover', 'Ringan', 'Banyak Poket'],
    th: ['กันน้ำ', '40 ลิตร', '60 ลิตร', 'มีผ้าคลุมกันฝน', 'น้ำหนักเบา', 'หลายช่อง'],
    vi: ['Chống Nước', '40L', '60L', 'Kèm Áo Mưa Balo', 'Siêu Nhẹ', 'Nhiều Ngăn'],
    fil: ['Waterproof', '40L', '60L', 'With Rain Cover', 'Lightweight', 'Multi-Pocket'],
    zh: ['防水', '40L', '60L', '送防雨罩', '轻量', '大容量'],
    'zh-TW': ['防潑水', '40L', '60L', '附防雨罩', '輕量', '大容量'],
    pt: ['Impermeável', '40 L', '60 L', 'Com Capa de Chuva', 'Leve', 'Vários Bolsos'],
  },
  brands: ['Carrierku', 'Summit Trail', 'Pendaki', 'Alpena', 'Trilheiro', 'Bundok'],
  priceUsdCents: [1500, 9000],
  weightGrams: [800, 2000],
  options: [OUTDOOR_COLORS],
  taxCategory: 'standard',
}

const runningShoes: ProductFamily = {
  noun: {
    en: 'Running Shoes',
    id: 'Sepatu Lari',
    ms: 'Kasut Lari',
    th: 'รองเท้าวิ่ง',
    vi: 'Giày Chạy Bộ',
    fil: 'Running Shoes',
    zh: '跑步鞋',
    'zh-TW': '慢跑鞋',
    pt: 'Tênis de Corrida',
  },
  qualifiers: {
    en: ['Lightweight', 'Breathable Mesh', 'Cushioned', 'Non-Slip Sole', 'Wide Fit', 'Marathon'],
    id: ['Ringan', 'Bahan Mesh', 'Empuk', 'Sol Anti Slip', 'Import', 'Marathon'],
    ms: ['Ringan', 'Fabrik Mesh', 'Empuk', 'Tapak Anti Gelincir', 'Saiz Lebar', 'Maraton'],
    th: ['น้ำหนักเบา', 'ผ้าตาข่ายระบายอากาศ', 'พื้นนุ่ม', 'พื้นกันลื่น', 'หน้ากว้าง', 'มาราธอน'],
    vi: ['Siêu Nhẹ', 'Lưới Thoáng Khí', 'Đế Êm', 'Đế Chống Trơn', 'Chân Bè', 'Marathon'],
    fil: ['Lightweight', 'Breathable Mesh', 'Cushioned', 'Anti-Slip', 'Wide Fit', 'Marathon'],
    zh: ['轻便', '透气网面', '减震', '防滑', '宽楦', '马拉松'],
    'zh-TW': ['輕量', '透氣網布', '緩震', '止滑', '寬楦', '馬拉松'],
    pt: [
      'Leve',
      'Mesh Respirável',
      'Amortecimento',
      'Solado Antiderrapante',
      'Forma Larga',
      'Maratona',
    ],
  },
  brands: ['Larikan', 'Langkah', 'Pacer Asia', 'Takbo', 'Velozz', 'Runhaus'],
  priceUsdCents: [1500, 9000],
  weightGrams: [500, 1000],
  options: [
    {
      name: {
        en: 'Size',
        id: 'Ukuran',
        ms: 'Saiz',
        th: 'ไซส์',
        vi: 'Cỡ Giày',
        fil: 'Sukat',
        zh: '鞋码',
        'zh-TW': '尺碼',
        pt: 'Numeração',
      },
      values: everywhere(['39', '40', '41', '42', '43', '44'], {
        pt: ['37', '38', '39', '40', '41', '42'],
      }),
    },
    BASIC_COLORS,
  ],
  taxCategory: 'standard',
}

export const CATEGORY_TREE: CategorySeed[] = [
  {
    slug: 'fashion',
    names: {
      en: 'Fashion',
      id: 'Fashion',
      ms: 'Fesyen',
      th: 'แฟชั่น',
      vi: 'Thời Trang',
      fil: 'Fashion',
      zh: '服饰',
      'zh-TW': '服飾',
      pt: 'Moda',
    },
    children: [
      {
        slug: 'men',
        names: {
          en: "Men's Fashion",
          id: 'Fashion Pria',
          ms: 'Fesyen Lelaki',
          th: 'แฟชั่นผู้ชาย',
          vi: 'Thời Trang Nam',
          fil: 'Fashion Panlalaki',
          zh: '男装',
          'zh-TW': '男裝',
          pt: 'Moda Masculina',
        },
        children: [
          {
            slug: 'mens-tshirts',
            names: {
              en: "Men's T-Shirts",
              id: 'Kaos Pria',
              ms: 'Baju T Lelaki',
              th: 'เสื้อยืดผู้ชาย',
              vi: 'Áo Thun Nam',
              fil: 'T-Shirt Panlalaki',
              zh: '男士T恤',
              'zh-TW': '男士T恤',
              pt: 'Camisetas Masculinas',
            },
            families: [tShirt, poloShirt],
          },
          {
            slug: 'mens-pants',
            names: {
              en: "Men's Pants",
              id: 'Celana Pria',
              ms: 'Seluar Lelaki',
              th: 'กางเกงผู้ชาย',
              vi: 'Quần Nam',
              fil: 'Pantalon Panlalaki',
              zh: '男士裤装',
              'zh-TW': '男士褲裝',
              pt: 'Calças Masculinas',
            },
            families: [jeans, chinoPants],
          },
        ],
      },
      {
        slug: 'women',
        names: {
          en: "Women's Fashion",
          id: 'Fashion Wanita',
          ms: 'Fesyen Wanita',
          th: 'แฟชั่นผู้หญิง',
          vi: 'Thời Trang Nữ',
          fil: 'Fashion Pambabae',
          zh: '女装',
          'zh-TW': '女裝',
          pt: 'Moda Feminina',
        },
        children: [
          {
            slug: 'womens-tops',
            names: {
              en: "Women's Tops",
              id: 'Atasan Wanita',
              ms: 'Pakaian Atas Wanita',
              th: 'เสื้อผู้หญิง',
              vi: 'Áo Nữ',
              fil: 'Tops Pambabae',
              zh: '女士上衣',
              'zh-TW': '女生上衣',
              pt: 'Blusas Femininas',
            },
            families: [blouse],
          },
          {
            slug: 'womens-dresses',
            names: {
              en: 'Dresses',
              id: 'Dress Wanita',
              ms: 'Dress Wanita',
              th: 'เดรส',
              vi: 'Đầm & Váy',
              fil: 'Dress',
              zh: '连衣裙',
              'zh-TW': '洋裝',
              pt: 'Vestidos',
            },
            families: [dress],
          },
          {
            slug: 'womens-bags',
            names: {
              en: "Women's Bags",
              id: 'Tas Wanita',
              ms: 'Beg Wanita',
              th: 'กระเป๋าผู้หญิง',
              vi: 'Túi Xách Nữ',
              fil: 'Bag Pambabae',
              zh: '女包',
              'zh-TW': '女包',
              pt: 'Bolsas Femininas',
            },
            families: [toteBag],
          },
        ],
      },
      {
        slug: 'muslim-fashion',
        names: {
          en: 'Muslim Fashion',
          id: 'Fashion Muslim',
          ms: 'Fesyen Muslimah',
          th: 'แฟชั่นมุสลิม',
          vi: 'Thời Trang Hồi Giáo',
          fil: 'Muslim Fashion',
          zh: '穆斯林服饰',
          'zh-TW': '穆斯林服飾',
          pt: 'Moda Islâmica',
        },
        families: [hijab],
      },
    ],
  },
  {
    slug: 'electronics',
    names: {
      en: 'Electronics',
      id: 'Elektronik',
      ms: 'Elektronik',
      th: 'อิเล็กทรอนิกส์',
      vi: 'Điện Tử',
      fil: 'Electronics',
      zh: '数码电子',
      'zh-TW': '3C電子',
      pt: 'Eletrônicos',
    },
    children: [
      {
        slug: 'phone-accessories',
        names: {
          en: 'Phone Accessories',
          id: 'Aksesoris HP',
          ms: 'Aksesori Telefon',
          th: 'อุปกรณ์เสริมมือถือ',
          vi: 'Phụ Kiện Điện Thoại',
          fil: 'Cellphone Accessories',
          zh: '手机配件',
          'zh-TW': '手機配件',
          pt: 'Acessórios para Celular',
        },
        families: [phoneCase, powerBank],
      },
      {
        slug: 'computer-accessories',
        names: {
          en: 'Computer Accessories',
          id: 'Aksesoris Komputer',
          ms: 'Aksesori Komputer',
          th: 'อุปกรณ์คอมพิวเตอร์',
          vi: 'Phụ Kiện Máy Tính',
          fil: 'Computer Accessories',
          zh: '电脑配件',
          'zh-TW': '電腦周邊',
          pt: 'Periféricos de Informática',
        },
        families: [wirelessMouse, mechanicalKeyboard],
      },
      {
        slug: 'audio',
        names: {
          en: 'Audio',
          id: 'Audio',
          ms: 'Audio',
          th: 'เครื่องเสียง',
          vi: 'Thiết Bị Âm Thanh',
          fil: 'Audio',
          zh: '影音设备',
          'zh-TW': '影音設備',
          pt: 'Áudio',
        },
        families: [wirelessEarbuds, bluetoothSpeaker],
      },
    ],
  },
  {
    slug: 'home-living',
    names: {
      en: 'Home & Living',
      id: 'Perlengkapan Rumah',
      ms: 'Kelengkapan Rumah',
      th: 'ของใช้ในบ้าน',
      vi: 'Nhà Cửa & Đời Sống',
      fil: 'Gamit sa Bahay',
      zh: '家居生活',
      'zh-TW': '居家生活',
      pt: 'Casa e Decoração',
    },
    children: [
      {
        slug: 'kitchen',
        names: {
          en: 'Kitchen',
          id: 'Dapur',
          ms: 'Dapur',
          th: 'เครื่องครัว',
          vi: 'Dụng Cụ Nhà Bếp',
          fil: 'Gamit sa Kusina',
          zh: '厨房用品',
          'zh-TW': '廚房用品',
          pt: 'Cozinha',
        },
        families: [fryingPan, foodContainer, riceCooker],
      },
      {
        slug: 'bedding',
        names: {
          en: 'Bedding',
          id: 'Perlengkapan Tidur',
          ms: 'Cadar & Bantal',
          th: 'เครื่องนอน',
          vi: 'Chăn Ga Gối',
          fil: 'Kumot at Unan',
          zh: '床上用品',
          'zh-TW': '寢具',
          pt: 'Roupa de Cama',
        },
        families: [bedSheetSet, pillow],
      },
    ],
  },
  {
    slug: 'beauty',
    names: {
      en: 'Beauty',
      id: 'Kecantikan',
      ms: 'Kecantikan',
      th: 'ความงาม',
      vi: 'Sắc Đẹp',
      fil: 'Pampaganda',
      zh: '美妆',
      'zh-TW': '美妝保養',
      pt: 'Beleza',
    },
    children: [
      {
        slug: 'skincare',
        names: {
          en: 'Skincare',
          id: 'Perawatan Wajah',
          ms: 'Penjagaan Kulit',
          th: 'สกินแคร์',
          vi: 'Chăm Sóc Da',
          fil: 'Skincare',
          zh: '护肤',
          'zh-TW': '臉部保養',
          pt: 'Cuidados com a Pele',
        },
        families: [facialSerum, sunscreen, facialWash],
      },
      {
        slug: 'makeup',
        names: {
          en: 'Makeup',
          id: 'Makeup',
          ms: 'Solekan',
          th: 'เครื่องสำอาง',
          vi: 'Trang Điểm',
          fil: 'Makeup',
          zh: '彩妆',
          'zh-TW': '彩妝',
          pt: 'Maquiagem',
        },
        families: [lipstick, cushionFoundation],
      },
    ],
  },
  {
    slug: 'food-beverages',
    names: {
      en: 'Food & Beverages',
      id: 'Makanan & Minuman',
      ms: 'Makanan & Minuman',
      th: 'อาหารและเครื่องดื่ม',
      vi: 'Thực Phẩm & Đồ Uống',
      fil: 'Pagkain at Inumin',
      zh: '食品饮料',
      'zh-TW': '美食飲品',
      pt: 'Alimentos e Bebidas',
    },
    children: [
      {
        slug: 'staples',
        names: {
          en: 'Pantry Staples',
          id: 'Sembako',
          ms: 'Barangan Dapur',
          th: 'ข้าวสารและของแห้ง',
          vi: 'Gạo & Thực Phẩm Khô',
          fil: 'Pangunahing Bilihin',
          zh: '粮油调味',
          'zh-TW': '米油雜糧',
          pt: 'Mercearia',
        },
        families: [rice, cookingOil],
      },
      {
        slug: 'snacks',
        names: {
          en: 'Snacks',
          id: 'Camilan',
          ms: 'Makanan Ringan',
          th: 'ขนมขบเคี้ยว',
          vi: 'Đồ Ăn Vặt',
          fil: 'Meryenda',
          zh: '休闲零食',
          'zh-TW': '零食點心',
          pt: 'Snacks e Biscoitos',
        },
        families: [potatoChips, cookies],
      },
      {
        slug: 'beverages',
        names: {
          en: 'Beverages',
          id: 'Minuman',
          ms: 'Minuman',
          th: 'เครื่องดื่ม',
          vi: 'Đồ Uống',
          fil: 'Inumin',
          zh: '饮料冲调',
          'zh-TW': '飲料沖泡',
          pt: 'Bebidas',
        },
        families: [coffee, tea],
      },
    ],
  },
  {
    slug: 'sports-outdoors',
    names: {
      en: 'Sports & Outdoors',
      id: 'Olahraga & Outdoor',
      ms: 'Sukan & Aktiviti Luar',
      th: 'กีฬาและกิจกรรมกลางแจ้ง',
      vi: 'Thể Thao & Dã Ngoại',
      fil: 'Sports at Outdoor',
      zh: '运动户外',
      'zh-TW': '運動戶外',
      pt: 'Esporte e Lazer',
    },
    children: [
      {
        slug: 'fitness',
        names: {
          en: 'Fitness',
          id: 'Fitness',
          ms: 'Kecergasan',
          th: 'ฟิตเนส',
          vi: 'Dụng Cụ Tập Gym',
          fil: 'Fitness',
          zh: '健身器材',
          'zh-TW': '健身器材',
          pt: 'Fitness',
        },
        families: [yogaMat, dumbbell],
      },
      {
        slug: 'camping-hiking',
        names: {
          en: 'Camping & Hiking',
          id: 'Perlengkapan Camping',
          ms: 'Perkhemahan & Mendaki',
          th: 'แคมป์ปิ้งและเดินป่า',
          vi: 'Cắm Trại & Leo Núi',
          fil: 'Camping at Hiking',
          zh: '露营徒步',
          'zh-TW': '露營登山',
          pt: 'Camping e Trilha',
        },
        families: [campingTent, hikingBackpack],
      },
      {
        slug: 'running',
        names: {
          en: 'Running',
          id: 'Lari',
          ms: 'Larian',
          th: 'อุปกรณ์วิ่ง',
          vi: 'Chạy Bộ',
          fil: 'Pagtakbo',
          zh: '跑步',
          'zh-TW': '跑步',
          pt: 'Corrida',
        },
        families: [runningShoes],
      },
    ],
  },
]

/** Audience / selling words appended to titles, per language, e.g. id: ['Pria', 'Wanita', 'Murah', 'Original', 'Premium'] */
export const TITLE_SUFFIXES: Record<VocabularyLanguage, string[]> = {
  en: [
    'Unisex',
    'Men',
    'Women',
    'Best Seller',
    'New Arrival',
    'Premium Quality',
    'Original',
    'Ready Stock',
  ],
  id: ['Pria', 'Wanita', 'Unisex', 'Murah', 'Original', 'Premium', 'Terlaris', 'Bisa COD'],
  ms: ['Lelaki', 'Perempuan', 'Unisex', 'Murah', 'Original', 'Premium', 'Ready Stock', 'Viral'],
  th: ['ผู้ชาย', 'ผู้หญิง', 'ใส่ได้ทั้งชายหญิง', 'ราคาถูก', 'ของแท้', 'พร้อมส่ง', 'ขายดี', 'คุณภาพดี'],
  vi: ['Nam', 'Nữ', 'Nam Nữ', 'Giá Rẻ', 'Chính Hãng', 'Cao Cấp', 'Hàng Có Sẵn', 'Bán Chạy'],
  fil: ['Panlalaki', 'Pambabae', 'Unisex', 'Mura', 'Original', 'Best Seller', 'On Hand', 'Sale'],
  zh: ['男款', '女款', '男女同款', '正品', '爆款', '新款', '高品质', '包邮'],
  'zh-TW': ['男款', '女款', '男女適穿', '現貨', '台灣出貨', '熱銷', '新品', '正品'],
  pt: [
    'Unissex',
    'Original',
    'Promoção',
    'Premium',
    'Envio Imediato',
    'Lançamento',
    'Pronta Entrega',
  ],
}

/** A 2-3 sentence product description template per language with placeholders {noun}, {brand}, {qualifier} */
export const DESCRIPTION_TEMPLATES: Record<VocabularyLanguage, string[]> = {
  en: [
    'Looking for a {qualifier} {noun}? {brand} delivers quality you can feel at a price that makes sense. Every order is checked and packed carefully before shipping.',
    '{brand} {noun}, {qualifier}. 100% original product, ready stock and shipped within 24 hours. Chat with us anytime if you have questions.',
    'This {qualifier} {noun} from {brand} is one of our best sellers. Great for daily use or as a gift. Order now while stocks last!',
  ],
  id: [
    '{noun} {brand} {qualifier} dengan kualitas terbaik dan harga bersahabat. Barang dicek dulu sebelum dikirim dan dikemas dengan aman. Ready stok, langsung kirim hari ini!',
    'Produk 100% original dari {brand}. {noun} {qualifier} ini cocok untuk pemakaian sehari-hari maupun sebagai hadiah. Jangan ragu chat kami kalau ada pertanyaan.',
  ],
  ms: [
    '{noun} {brand} {qualifier} dengan kualiti terbaik pada harga berpatutan. Setiap pesanan diperiksa dan dibungkus dengan rapi sebelum dihantar. Stok sedia ada, pos dalam masa 24 jam!',
    'Produk original 100% daripada {brand}. {noun} {qualifier} ini sesuai untuk kegunaan harian atau sebagai hadiah. Sila chat kami jika ada sebarang pertanyaan.',
  ],
  th: [
    '{noun} {qualifier} จาก {brand} คุณภาพดี ราคาคุ้มค่า สินค้าทุกชิ้นผ่านการตรวจเช็กก่อนจัดส่งและแพ็กอย่างดี พร้อมส่งภายใน 24 ชั่วโมง',
    'สินค้าของแท้ 100% จาก {brand} {noun} {qualifier} เหมาะสำหรับใช้ในชีวิตประจำวันหรือเป็นของขวัญ มีข้อสงสัยทักแชทสอบถามได้เลยค่ะ',
  ],
  vi: [
    '{noun} {qualifier} chính hãng {brand}, chất lượng cao với giá cả hợp lý. Hàng được kiểm tra kỹ trước khi giao và đóng gói cẩn thận. Có sẵn, giao hàng trong 24 giờ!',
    'Sản phẩm {noun} {qualifier} từ {brand} phù hợp sử dụng hằng ngày hoặc làm quà tặng. Shop cam kết hàng đúng mô tả, hỗ trợ đổi trả trong 7 ngày. Inbox shop nếu bạn cần tư vấn thêm nhé!',
  ],
  fil: [
    'Quality {noun} mula sa {brand}, {qualifier} at sulit sa presyo! Lahat ng order ay chine-check bago i-ship at maayos na naka-pack. On hand at ready to ship within 24 hours.',
    'Ang {qualifier} {noun} na ito ng {brand} ay swak para sa araw-araw na gamit o pang-regalo. 100% original at on hand. Mag-message lang po kayo kung may tanong!',
  ],
  zh: [
    '{brand}{noun}，{qualifier}，品质保证，价格实惠。每件商品发货前都经过仔细检查并妥善包装。现货速发，24小时内发货！',
    '这款{qualifier}{noun}来自{brand}，适合日常使用，也是送礼的好选择。正品保障，有任何问题欢迎咨询客服。',
  ],
  'zh-TW': [
    '{brand}{noun}，{qualifier}，品質保證，價格實在。每件商品出貨前皆經過仔細檢查並妥善包裝。現貨供應，24小時內快速出貨！',
    '這款{qualifier}{noun}來自{brand}，日常使用或送禮都很適合。正品保證，有任何問題歡迎聊聊詢問。',
  ],
  pt: [
    '{noun} {qualifier} da {brand} com ótima qualidade e preço justo. Todos os pedidos são conferidos antes do envio e embalados com cuidado. Pronta entrega, enviamos em até 24 horas!',
    'Produto 100% original {brand}: {noun} {qualifier}, ideal para o dia a dia ou para presentear. Qualquer dúvida, é só chamar no chat!',
  ],
}
