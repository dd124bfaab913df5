namespace Extractor.Review;

/// <summary>The review page's style sheet (inline: the page loads nothing). Hover shows a box's JSON path without script.</summary>
internal static class ReviewStyle
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        body { font: 14px/1.45 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; margin: 16px; color: #212121; background: #fafafa; }
        h1 { font-size: 20px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 18px 0 6px; } h3 { font-size: 15px; margin: 6px 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
        dt { color: #616161; } dd { margin: 0; white-space: pre-wrap; }
        .status b { padding: 0 6px; border-radius: 3px; }
        .status-ok b { background: #c8e6c9; } .status-review b { background: #ffe0b2; } .status-failed b { background: #ffcdd2; }
        .notices li { color: #bf360c; }
        .form { background: #fff; border: 1px solid #e0e0e0; padding: 8px 12px; margin: 8px 0; }
        .checks li.check-error { color: #c62828; } .checks li.check-warning { color: #e65100; } .checks li.check-info { color: #6a1b9a; }
        table { border-collapse: collapse; background: #fff; }
        td, th { border: 1px solid #e0e0e0; padding: 2px 6px; vertical-align: top; text-align: left; white-space: pre-wrap; }
        tr.check-error td { background: #ffebee; } tr.check-warning td { background: #fff3e0; } tr.check-info td { background: #f3e5f5; }
        tr.low-confidence td { background: #fff9c4; }
        table.rowtext tr.read td { background: #e3f2fd; } table.rowtext th { color: #9e9e9e; font-weight: normal; }
        .legend .key { display: inline-block; padding: 0 6px; border: 2px solid #1565c0; }
        .legend .key.check-error { border-color: #c62828; } .legend .key.check-warning { border-color: #ef6c00; }
        .legend .key.check-info { border-color: #8e24aa; } .legend .key.low-confidence { border-style: dashed; border-color: #f9a825; background: #fff9c4; }
        figure.page { margin: 16px 0; }
        figcaption { font-weight: bold; margin-bottom: 4px; }
        .sheet { position: relative; width: 100%; max-width: 1600px; }
        .sheet img { display: block; width: 70%; height: auto; border: 1px solid #bdbdbd; box-sizing: border-box; }
        .box { position: absolute; box-sizing: border-box; border: 2px solid #1565c0; background: rgba(21, 101, 192, 0.06); }
        .box.check-info { border-color: #8e24aa; background: rgba(142, 36, 170, 0.10); }
        .box.check-warning { border-color: #ef6c00; background: rgba(239, 108, 0, 0.12); }
        .box.check-error { border-color: #c62828; background: rgba(198, 40, 40, 0.15); }
        .box.low-confidence { border-style: dashed; outline: 3px solid rgba(249, 168, 37, 0.7); background: rgba(255, 235, 59, 0.25); }
        .value { position: absolute; left: 71%; width: 29%; box-sizing: border-box; font-size: 11px; line-height: 1.3; padding: 0 4px;
                 overflow: hidden; white-space: nowrap; text-overflow: ellipsis; border-left: 3px solid #1565c0; background: rgba(255, 255, 255, 0.85); }
        .value.check-info { border-left-color: #8e24aa; } .value.check-warning { border-left-color: #ef6c00; color: #bf360c; }
        .value.check-error { border-left-color: #c62828; color: #b71c1c; } .value.low-confidence { background: #fff9c4; }
        .row:hover .box { background: rgba(255, 235, 59, 0.35); }
        .row:hover .value { z-index: 3; white-space: normal; overflow: visible; background: #fffde7; }
        .row:hover .box::after { content: attr(data-path); position: absolute; left: 0; top: 100%; z-index: 4; white-space: nowrap;
                 font: 12px monospace; color: #fff; background: #263238; padding: 1px 4px; }
        """;
}
