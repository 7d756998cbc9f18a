package cn.jintan.quality.validation;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.workbook.Text;
import cn.jintan.quality.workbook.WorkbookFile;
import cn.jintan.quality.workbook.WorkbookRejectedException;
import cn.jintan.quality.workbook.Workbooks;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a received file against every rule of the workbook spec in one pass, collecting all
 * problems; valid rows stream to a {@link RowSink}. Never throws for bad input. Not final: tests
 * wrap it to make it fail the way a bug would.
 */
public class SubmissionValidator {

    private final UnitRegistry registry;
    private final long maxFileBytes;

    public SubmissionValidator(UnitRegistry registry, long maxFileBytes) {
        this.registry = registry;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * @param fileName     the name the staff gave the file (the path may be an archived copy)
     * @param currentMonth the month of the run: a later 统计期 is {@code cover.future_period}
     */
    public Submission validate(Path file, String fileName, YearMonth currentMonth, RowSink sink) {
        List<Issue> issues = new ArrayList<>();
        Map<SubmissionSheet, Integer> counts = new EnumMap<>(SubmissionSheet.class);
        Cover cover = Cover.NONE;
        try (WorkbookFile workbook = Workbooks.open(file, maxFileBytes)) {
            for (String name : workbook.sheetNames()) {
                if (!SubmissionSheet.requiredSheetNames().contains(Text.normalise(name)) && !isProblemList(name)) {
                    issues.add(Issue.of(Rule.SHEET_UNKNOWN, name, null, ""));
                }
            }
            Optional<String> coverSheet = workbook.findSheet(SubmissionSheet.COVER);
            if (coverSheet.isPresent()) {
                cover = new CoverReader(registry, currentMonth).read(workbook.rows(coverSheet.get()), issues::add);
            } else {
                issues.add(Issue.of(Rule.SHEET_MISSING, SubmissionSheet.COVER, null, ""));
            }
            for (SubmissionSheet sheet : SubmissionSheet.values()) {
                Optional<String> name = workbook.findSheet(sheet.sheetName());
                if (name.isEmpty()) {
                    issues.add(Issue.of(Rule.SHEET_MISSING, sheet.sheetName(), null, ""));
                    continue;
                }
                int rows = new TableReader(sheet, cover.period(), issues::add, sink).read(workbook.rows(name.get()));
                counts.put(sheet, rows);
            }
        } catch (WorkbookRejectedException e) {
            issues.add(fileIssue(e, fileName));
        } catch (RuntimeException e) {
            // a workbook that opened but broke the reader part-way (truncated entry, bad XML)
            issues.add(fileIssue(Workbooks.classify(e), fileName));
        }
        return new Submission(fileName, cover, counts, issues);
    }

    /**
     * The file's cover (封面 only: the tables are not read), for grouping files before they are
     * checked; {@link Cover#NONE} when it cannot be read. A future 统计期 is kept (the check is
     * {@link #validate}'s). Never throws for bad input.
     */
    public Cover coverOf(Path file) {
        try (WorkbookFile workbook = Workbooks.open(file, maxFileBytes)) {
            Optional<String> cover = workbook.findSheet(SubmissionSheet.COVER);
            return cover.isEmpty() ? Cover.NONE
                    : new CoverReader(registry, YearMonth.of(9999, 12)).read(workbook.rows(cover.get()), issue -> { });
        } catch (WorkbookRejectedException | RuntimeException e) {
            return Cover.NONE;
        }
    }

    /**
     * The sheet the receipt adds to a rejected workbook ({@code receipt.annotated.sheet}, numbered
     * when the name was taken): a corrected annotated workbook sent back is no cause for a warning.
     */
    static boolean isProblemList(String sheetName) {
        String base = Text.normalise(Messages.catalogue().get("receipt.annotated.sheet"));
        String name = Text.normalise(sheetName);
        return name.startsWith(base) && name.substring(base.length()).chars().allMatch(Character::isDigit);
    }

    private Issue fileIssue(WorkbookRejectedException e, String fileName) {
        Rule rule = Rule.ofCode(e.problem().code());
        return switch (e.problem()) {
            case TOO_LARGE -> Issue.of(rule, null, null, "", megabytes(e.size()), megabytes(maxFileBytes));
            case FORMAT -> Issue.of(rule, null, null, "", fileName);
            default -> Issue.of(rule, null, null, "");
        };
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).toPlainString() + " MB";
    }
}
