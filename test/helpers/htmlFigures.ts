/** The chart figures of an HTML report page, as the page marks them up. */

export interface Figure {
  id: string;
  marks: number;
  svg: string;
}

/** The page's chart figures, in order. */
export function figures(html: string): Figure[] {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]*)" data-marks="(\d+)"><figcaption>[^<]*<\/figcaption>\s*(<svg[\s\S]*?<\/svg>)\s*<\/figure>/g)]
    .map((m) => ({ id: m[1], marks: Number(m[2]), svg: m[3] }));
}
