// What a block displays (a chart, a table), drawn from the worker's plain data: pictures as
// images, where no script inside them ever runs, tables rebuilt cell by cell as text. The items
// are described in snippets/mlops_lab/_page/display.py.

import { element } from "../dom.js";

/**
 * A <figure> for one display item, and the blob: URLs it holds (revoke them when the figure
 * goes). A chart drawn for both palettes gets one image per palette; CSS shows the right one.
 */
export function displayFigure(item) {
  const figure = element("figure", { class: "runnable-display" });
  const urls = [];
  if (item.kind === "table") {
    figure.append(tableOf(item));
    return { figure, urls };
  }
  const sources =
    item.kind === "png" ? [[`data:image/png;base64,${item.png_base64}`, "light"]] : svgSources(item, urls);
  for (const [src, palette] of sources) {
    const image = element("img", { src, alt: item.alt, class: `display-${palette}`, ...drawnSize(item.svg) });
    if (sources.length > 1) image.classList.add("display-has-dark");
    figure.append(image);
  }
  return { figure, urls };
}

// An SVG that gives only a viewBox has no size of its own as an image: give it the viewBox's,
// which also keeps its place in the page before it is decoded.
function drawnSize(svg = "") {
  const [, width, height] = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  return width ? { width, height } : {};
}

function svgSources(item, urls) {
  const url = (svg) => {
    const made = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    urls.push(made);
    return made;
  };
  const sources = [[url(item.svg), "light"]];
  if (item.svg_dark) sources.push([url(item.svg_dark), "dark"]);
  return sources;
}

function tableOf({ caption, head, rows }) {
  const table = element("table");
  if (caption) table.append(element("caption", {}, caption));
  if (head.length) {
    const row = element("tr");
    for (const cell of head) row.append(element("th", { scope: "col" }, cell));
    const thead = element("thead");
    thead.append(row);
    table.append(thead);
  }
  const body = element("tbody");
  for (const cells of rows) {
    const row = element("tr");
    for (const cell of cells) row.append(element("td", {}, cell));
    body.append(row);
  }
  table.append(body);
  return table;
}
