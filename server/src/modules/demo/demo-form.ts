import { sampleForm, type FormData, type TitleLevel } from '#common';

/**
 * The demo's 申报评审表 content, in one place: the shared sample of common/ with what makes each demo
 * person's own (the demo test submits every one through the real 提交前检查).
 */
const summaryParagraphs = [
  '任现职以来，本人在单位档案室从事档案收集、整理、鉴定、保管和利用工作，严格执行《中华人民共和国档案法》及其实施条例，熟悉文书、科技、会计、声像和电子档案的管理要求。',
  '在档案收集方面，本人建立了各部门年度归档清单和归档范围细则，每年第一季度督促、指导各部门完成上一年度文件材料的归档，归档率和归档质量逐年提高，全宗卷内容完整、规范。',
  '在档案整理方面，本人按照《归档文件整理规则》组织完成了历年文书档案的整理和编目，对照档案门类编制了分类方案和保管期限表，完成了案卷级和文件级目录的录入和校对工作。',
  '在档案数字化方面，本人参与制定了馆藏档案数字化实施方案，负责扫描、图像处理、质量检查和数据挂接各环节的质量控制，累计完成档案数字化十万余页，数据质量通过了主管部门的验收。',
  '在档案利用方面，本人热情接待查档群众，规范办理查阅、复制和出具证明手续，年均提供利用五百余人次，为单位工作和群众办事提供了有力的档案信息支持，没有发生失泄密事件。',
  '在档案安全方面，本人坚持库房日常巡查，做好防火、防盗、防潮、防虫和温湿度记录，参与了档案库房改造和应急预案的修订，组织开展了档案安全应急演练，保障了馆藏档案的安全。',
  '在业务学习方面，本人积极参加各级档案部门组织的继续教育和业务培训，认真学习档案学理论和信息化知识，撰写的工作研究文章在省级档案刊物上发表，业务水平不断提高。',
  '今后，本人将继续加强学习，在电子档案管理、档案信息资源开发和档案编研等方面深入钻研，努力提高专业技术水平，为档案事业的发展作出更大的贡献。',
];

/** 表三: long enough for every level (副高级 asks for 3000 characters), in paragraphs. */
const summary = Array.from({ length: 5 }, () => summaryParagraphs.join('\n')).join('\n');

/** The title one holds before applying for the next level (表二 现职称; none before the first). */
const currentTitles: Record<TitleLevel, string> = {
  junior: '',
  intermediate: '助理馆员',
  associateSenior: '馆员',
  senior: '副研究馆员',
};

/**
 * The shared sample of the archives form (common/), as a demo person of the demo unit fills it: their
 * name and unit, signed on the day, the title they hold now, and a work summary a reader can follow.
 */
export function demoForm(person: {
  name: string;
  year: number;
  level: TitleLevel;
  organisation: string;
  /** YYYY-MM-DD: the day they sign 表十 (never after the day they fill it in). */
  today: string;
}): FormData {
  const form = sampleForm(person.year, person.name, { organisation: person.organisation, signedAt: person.today });
  const currentTitle = currentTitles[person.level];
  return {
    ...form,
    table2: {
      ...form.table2,
      currentTitle,
      currentTitleDate: currentTitle ? form.table2.currentTitleDate : '',
      currentPost: currentTitle,
      currentPostDate: currentTitle ? form.table2.currentPostDate : '',
    },
    table3: { summary },
  };
}

/** What the applicant corrects after the demo's 返回修改 (“请在表四补充‘档案库房改造’的工作成效”). */
export function demoCorrection(form: FormData): Partial<FormData> {
  return {
    table4: form.table4.map((row) =>
      row.name === '档案库房改造' ? { ...row, outcome: '完成库房改造和档案搬迁，通过消防验收，未发生档案损毁' } : row,
    ),
  };
}
