import { builtinDemoApp, DEMO_REGIONS } from './builtin-demo-app';
import type { DemoRecord, DemoSource } from './demo-source';

const COMPANIES = [
  '恒力精密机械',
  '华瑞汽车零部件',
  '金鼎电子科技',
  '中晟重工',
  '远航液压',
  '鑫泰模具',
  '博创自动化',
  '东升铸造',
];
const CITIES = ['苏州', '宁波', '东莞', '佛山', '天津', '武汉', '成都', '西安', '沈阳'];
const PEOPLE = ['王强', '李静', '张磊', '刘芳', '陈杰', '杨洋', '赵敏', '黄涛', '周婷', '吴斌'];
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/**
 * The built-in demo (customer, contact, opportunity with a few dozen records), deterministic: record i
 * always gets the same values, so tests and screenshots are stable.
 */
export const builtinDemoSource: DemoSource = {
  origin: 'built-in demo slice',
  app: builtinDemoApp(),
  batches(now) {
    const customers: DemoRecord[] = [];
    const contacts: DemoRecord[] = [];
    const opportunities: DemoRecord[] = [];
    for (let i = 0; i < 24; i++) {
      const region = DEMO_REGIONS[i % DEMO_REGIONS.length]!.value;
      const id = `customer-${i}`;
      customers.push({
        id,
        name: `${CITIES[i % CITIES.length]}${COMPANIES[i % COMPANIES.length]}有限公司${i >= COMPANIES.length ? ` ${i}` : ''}`,
        tier: ['A', 'B', 'C'][i % 3],
        region,
        industry: ['汽车零部件', '电子制造', '装备制造'][i % 3],
        annual_revenue: 5_000_000 + i * 1_250_000,
        employees: 80 + i * 15,
      });
      for (let c = 0; c < 2; c++) {
        const person = PEOPLE[(i * 2 + c) % PEOPLE.length]!;
        contacts.push({
          id: `contact-${i}-${c}`,
          name: person,
          customer: id,
          title: c === 0 ? '采购经理' : '技术总监',
          phone: `139${String(10_000_000 + i * 100 + c).slice(0, 8)}`,
          region,
        });
      }
      const close = new Date(now.getTime() + ((i % 9) - 3) * 7 * 86_400_000);
      opportunities.push({
        id: `opportunity-${i}`,
        name: `${COMPANIES[i % COMPANIES.length]} ${['冲压件', '注塑件', '电控模块', '液压总成'][i % 4]}项目`,
        customer: id,
        amount: 200_000 + (i % 7) * 150_000,
        stage: STAGES[i % STAGES.length],
        probability: [10, 30, 50, 70, 100, 0][i % 6],
        expected_close: close.toISOString().slice(0, 10),
        region,
      });
    }
    return [
      { entity: 'customer', records: customers },
      { entity: 'contact', records: contacts },
      { entity: 'opportunity', records: opportunities },
    ];
  },
};
