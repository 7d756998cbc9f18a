package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import java.nio.file.Path;
import java.time.LocalDate;

// TEMPORARY local placeholder until the report branch lands; never committed
public final class BriefingRenderer {
    public BriefingRenderer(BriefingSettings settings) {}
    public void render(PeriodFigures figures, LocalDate issueDate, Path pdfFile) {}
    public String leadParagraph(PeriodFigures figures) { return ""; }
}
