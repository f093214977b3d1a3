import { ReportSections } from '../report/report-view.js';
import type { Workbench } from '../workbench.js';

export function WhatIfView({ wb }: { wb: Workbench }) {
  return wb.outcome ? <ReportSections sections={wb.outcome.analysis.doc.sections} /> : <p>…</p>;
}
