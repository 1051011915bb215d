/** Name under which the China provinces GeoJSON is registered with ECharts. */
export const CHINA_MAP_NAME = 'china';

/** The seven customary sales regions of China and their provinces (map feature names). */
export const CHINA_REGIONS: Readonly<Record<string, readonly string[]>> = {
  华北: ['北京', '天津', '河北', '山西', '内蒙古'],
  东北: ['辽宁', '吉林', '黑龙江'],
  华东: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '台湾'],
  华中: ['河南', '湖北', '湖南'],
  华南: ['广东', '广西', '海南', '香港', '澳门'],
  西南: ['重庆', '四川', '贵州', '云南', '西藏'],
  西北: ['陕西', '甘肃', '青海', '宁夏', '新疆'],
};

const PROVINCES = new Set(Object.values(CHINA_REGIONS).flat());
const SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;

/**
 * Map features a region value colours: a province (`广东省`, `广东`) → that province; a sales region
 * (`华东`, `华东区`, `华东地区`) → all its provinces; anything else → none. `nameMap` (value → feature
 * name or region) handles codes like `east_china`.
 */
export function provincesForRegion(value: string, nameMap: Readonly<Record<string, string>> = {}): string[] {
  const mapped = Object.hasOwn(nameMap, value) ? nameMap[value]! : value;
  const short = mapped.trim().replace(SUFFIX, '');
  if (PROVINCES.has(short)) return [short];
  const region = mapped.trim().replace(/(地区|区)$/, '');
  return Object.hasOwn(CHINA_REGIONS, region) ? [...CHINA_REGIONS[region]!] : [];
}
