/**
 * Who issues the generated plans: provincial departments (Sở) with their own units (phòng), in real provinces.
 * Names are written the way the departments write them, so the unit splitter meets realistic cells.
 */

export interface Department {
  name: string;
  /** Suffix of the plan code: "55/KH-SXD". */
  abbr: string;
  /** The department's own specialist units, besides the ones every Sở has (Văn phòng Sở…). */
  units: string[];
}

/** Units every Sở has. */
export const COMMON_UNITS = ['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính', 'Thanh tra Sở'] as const;

/** Collectives of a Sở's own units, as the shipped plans write them. */
export const INTERNAL_COLLECTIVES = [
  'Các phòng, ban, đơn vị thuộc Sở',
  'Các Phòng, đơn vị thuộc và trực thuộc Sở',
  'Các phòng, ban thuộc Sở',
] as const;

/** Provincial bodies a Sở's plan asks to coordinate with. */
export const PROVINCIAL_BODIES = [
  'Sở Nội vụ',
  'Văn phòng UBND tỉnh',
  'Trung tâm Phục vụ hành chính công tỉnh',
  'UBND cấp xã',
  'Các sở, ban, ngành',
  'Sở Tư pháp',
] as const;

export const DEPARTMENTS: Department[] = [
  {
    name: 'Sở Xây dựng',
    abbr: 'SXD',
    units: [
      'Phòng Quản lý nhà và thị trường bất động sản',
      'Phòng Phát triển đô thị',
      'Phòng Hạ tầng kỹ thuật',
    ],
  },
  {
    name: 'Sở Nội vụ',
    abbr: 'SNV',
    units: [
      'Phòng Tổ chức, biên chế và Cải cách hành chính',
      'Phòng Công chức, viên chức',
      'Phòng Xây dựng chính quyền và Văn thư, lưu trữ',
    ],
  },
  {
    name: 'Sở Tư pháp',
    abbr: 'STP',
    units: ['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp', 'Phòng Phổ biến, giáo dục pháp luật'],
  },
  { name: 'Sở Tài chính', abbr: 'STC', units: ['Phòng Quản lý ngân sách', 'Phòng Quản lý giá và công sản'] },
  { name: 'Sở Công Thương', abbr: 'SCT', units: ['Phòng Quản lý công nghiệp', 'Phòng Quản lý thương mại'] },
  {
    name: 'Sở Y tế',
    abbr: 'SYT',
    units: ['Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược', 'Phòng Quản lý hành nghề'],
  },
  {
    name: 'Sở Giáo dục và Đào tạo',
    abbr: 'SGDĐT',
    units: ['Phòng Giáo dục phổ thông', 'Phòng Giáo dục mầm non', 'Phòng Quản lý chất lượng'],
  },
  {
    name: 'Sở Khoa học và Công nghệ',
    abbr: 'SKHCN',
    units: ['Phòng Quản lý khoa học', 'Phòng Chuyển đổi số'],
  },
  {
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    abbr: 'SVHTTDL',
    units: ['Phòng Quản lý văn hóa', 'Phòng Quản lý thể dục thể thao', 'Phòng Quản lý du lịch'],
  },
  {
    name: 'Sở Nông nghiệp và Môi trường',
    abbr: 'SNNMT',
    units: ['Phòng Quản lý đất đai', 'Phòng Môi trường', 'Chi cục Thủy lợi'],
  },
  {
    name: 'Sở Dân tộc và Tôn giáo',
    abbr: 'SDTTG',
    units: ['Phòng Chính sách dân tộc', 'Phòng Quản lý tôn giáo'],
  },
  { name: 'Sở Ngoại vụ', abbr: 'SNgV', units: ['Phòng Lãnh sự', 'Phòng Hợp tác quốc tế'] },
  {
    name: 'Sở Giao thông vận tải',
    abbr: 'SGTVT',
    units: ['Phòng Quản lý vận tải, phương tiện và người lái', 'Phòng Quản lý kết cấu hạ tầng giao thông'],
  },
  {
    name: 'Sở Kế hoạch và Đầu tư',
    abbr: 'SKHĐT',
    units: ['Phòng Đăng ký kinh doanh', 'Phòng Tổng hợp, quy hoạch'],
  },
  {
    name: 'Sở Thông tin và Truyền thông',
    abbr: 'STTTT',
    units: ['Phòng Công nghệ thông tin', 'Phòng Bưu chính', 'Phòng Quản lý xuất bản'],
  },
  {
    name: 'Sở Lao động - Thương binh và Xã hội',
    abbr: 'SLĐTBXH',
    units: ['Phòng Việc làm', 'Phòng Bảo trợ xã hội', 'Phòng Người có công'],
  },
  {
    name: 'Sở Tài nguyên và Môi trường',
    abbr: 'STNMT',
    units: ['Phòng Quản lý đất đai', 'Phòng Tài nguyên nước'],
  },
  {
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    abbr: 'SNNPTNT',
    units: ['Phòng Kế hoạch sản xuất', 'Chi cục Phát triển nông thôn', 'Chi cục Kiểm lâm'],
  },
  { name: 'Sở Du lịch', abbr: 'SDL', units: ['Phòng Quản lý lữ hành', 'Phòng Xúc tiến du lịch'] },
];

/** Real provinces, written as in their plans' titles ("TỈNH LẠNG SƠN NĂM 2025"): one to three words. */
export const PROVINCES = [
  'Lạng Sơn',
  'Cao Bằng',
  'Hà Giang',
  'Thái Nguyên',
  'Nghệ An',
  'Bắc Kạn',
  'Tuyên Quang',
  'Lào Cai',
  'Yên Bái',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Hòa Bình',
  'Phú Thọ',
  'Bắc Giang',
  'Bắc Ninh',
  'Quảng Ninh',
  'Hưng Yên',
  'Thái Bình',
  'Ninh Bình',
  'Thanh Hóa',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Bình Định',
  'Khánh Hòa',
  'Gia Lai',
  'Đắk Lắk',
  'Lâm Đồng',
  'Đồng Tháp',
  'An Giang',
  'Cà Mau',
] as const;
