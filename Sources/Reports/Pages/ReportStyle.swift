import Atlas

/// The report's inline style sheet: system fonts only, no network, readable when printed.
enum ReportStyle {
    /// A self-contained page of the reports: the head with this style sheet, a header (kicker,
    /// title and the line under it) and the body. Every page (quarterly reports, study, church
    /// pages, index.html) is one of these.
    static func document(language: ReportLanguage, title: String, kicker: String, subtitle: HTML, body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · hulpatlas</title><style>\(HTML(trusted: css))</style></head>
        <body><main><header><p class="kicker">\(kicker)</p><h1>\(title)</h1><p class="period">\(subtitle)</p></header>
        \(body)
        </main></body></html>

        """
    }

    static let css = """
    :root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--accent:#b30000;--bar:#5b7083;--now:#1f4e79}
    *{box-sizing:border-box}
    body{margin:0;background:#f5f7fa;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main{max-width:1080px;margin:0 auto;padding:24px 28px 48px;background:#fff}
    header{border-bottom:3px solid var(--accent);margin-bottom:8px}
    .kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.08em;font-size:12px}
    h1{margin:4px 0 6px;font-size:28px}
    h2{margin:32px 0 8px;font-size:20px;border-bottom:1px solid var(--line);padding-bottom:4px}
    h3{margin:16px 0 6px;font-size:16px}
    .period,.note,.axis-note{color:var(--muted);font-size:13px}
    .axis-note{text-align:center;margin-top:-6px}
    .keypoints ul{padding-left:20px;margin:6px 0}
    .keypoints li{margin:3px 0}
    table{border-collapse:collapse;width:100%;margin:8px 0;font-variant-numeric:tabular-nums}
    th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
    th:first-child,tbody th{text-align:left;font-weight:600}
    thead th{font-size:13px;color:var(--muted);font-weight:600}
    small{color:var(--muted)}
    td.date,td small{white-space:nowrap}
    .fig.hid{color:var(--muted);font-style:italic}
    tr.warn td,tr.warn th{background:#fff4e5}
    .warning{background:#fff4e5;border-left:4px solid #e8a33d;padding:8px 12px;margin:8px 0}
    .maps{display:grid;grid-template-columns:1fr 1fr;gap:18px}
    .map{margin:0}
    .map svg{width:100%;height:auto;background:#eef2f6;border:1px solid var(--line)}
    .map path.area{stroke:#fff;stroke-width:.6}
    .map path.area:hover{stroke:#000;stroke-width:1.5}
    .map path.outline{fill:none;stroke:#111;stroke-width:2.4;pointer-events:none}
    .map .labels text{font-size:20px;text-anchor:middle;fill:#1b1b1b;paint-order:stroke;stroke:rgba(255,255,255,.85);stroke-width:3px;pointer-events:none}
    .map .scalebar rect{fill:rgba(255,255,255,.8)}.map .scalebar path{fill:none;stroke:#222;stroke-width:3}.map .scalebar text{font-size:20px;fill:#222}
    .map .north path{fill:#222}.map .north text{font-size:20px;text-anchor:middle;fill:#222;font-weight:600}
    .map path.catchment{fill:rgba(31,78,121,.06);stroke:#1f4e79;stroke-width:1.4;stroke-dasharray:6 4;pointer-events:none}
    .legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;color:var(--muted)}
    .swatch{display:inline-block;width:14px;height:10px;margin-right:4px;border:1px solid #999;vertical-align:middle}
    .swatch.target{border:2px solid #111;background:transparent}
    .swatch.catchment{border:1.5px dashed #1f4e79;background:rgba(31,78,121,.06)}
    svg.chart{width:100%;height:auto;display:block}
    .chart .bar{fill:var(--bar)}
    .chart .bar.now{fill:var(--now)}
    .chart .grid{stroke:var(--line);stroke-width:1}
    .chart .tick{font-size:11px;fill:var(--muted)}
    .chart .axis{font-size:11px;fill:var(--muted)}
    .chart .hidden{font-size:9px;fill:var(--muted)}
    .chart .trend{fill:none;stroke:var(--accent);stroke-width:2}
    .chart .marker{stroke:var(--accent);stroke-dasharray:4 3}
    .two{display:grid;grid-template-columns:1fr 1fr;gap:18px}
    .barcell{width:30%}
    .hbar{display:inline-block;height:10px;background:var(--bar)}
    details{margin:8px 0}
    @media (max-width:760px){.maps,.two{grid-template-columns:1fr}}
    @page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:counter(page) " / " counter(pages);font:9px system-ui,sans-serif;color:#555}}
    @media print{body{background:#fff}main{padding:0;max-width:none}table,figure,svg,.figure,.chart,tr{break-inside:avoid}h2,h3{break-after:avoid}}
    """
}
