package cn.jintan.quality.template;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Vocabulary;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.workbook.Text;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

import java.math.BigDecimal;
import java.util.Arrays;

/** The template's Excel input checks, each mirroring a rule of the spec, with their prompts and error boxes. */
final class TemplateChecks {

    /** .xls allows prompt titles of at most 32 characters. */
    private static final int PROMPT_TITLE_MAX = 32;

    private final Messages messages;

    TemplateChecks(Messages messages) {
        this.messages = messages;
    }

    /** The Excel input check of a column, from its type and range in {@link SubmissionSheet}, with its prompt. */
    void check(Sheet sheet, DataValidationHelper dv, Column column, CellRangeAddressList range, boolean fixedItems) {
        DataValidationConstraint constraint;
        String error;
        String hint = null;
        switch (column.type()) {
            case ENUM -> {
                constraint = dv.createExplicitListConstraint(spellings(column));
                error = messages.get("template.check.list");
            }
            case YES_NO -> {
                constraint = dv.createExplicitListConstraint(new String[]{messages.get("template.yes"), messages.get("template.no")});
                error = messages.get("template.check.list");
            }
            case INTEGER -> {
                constraint = dv.createIntegerConstraint(OperatorType.BETWEEN, plain(column.min()), plain(column.max()));
                error = messages.get("template.check.integer", plain(column.min()), plain(column.max()));
            }
            case DECIMAL -> {
                constraint = dv.createDecimalConstraint(OperatorType.BETWEEN, plain(column.min()), plain(column.max()));
                error = messages.get("template.check.decimal", plain(column.min()), plain(column.max()), column.scale());
            }
            case DATE -> {
                constraint = dateConstraint(dv);
                error = messages.get("template.check.date");
            }
            case USCC -> {
                constraint = dv.createTextLengthConstraint(OperatorType.EQUAL, "18", null);
                error = messages.get("template.check.uscc");
                hint = messages.get("template.prompt.uscc");
            }
            default -> {
                int min = column.min() == null ? 0 : column.min().intValue();
                int max = column.max() == null ? 32767 : column.max().intValue();
                constraint = min > 0
                        ? dv.createTextLengthConstraint(OperatorType.BETWEEN, String.valueOf(min), String.valueOf(max))
                        : dv.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, String.valueOf(max), null);
                error = min > 0 ? messages.get("template.check.text_length", min, max) : messages.get("template.check.text_max", max);
            }
        }
        String prompt = fixedItems ? messages.get("template.prompt.fixed")
                : messages.get(column.cellRequired() ? "template.prompt.required" : "template.prompt.optional",
                hint == null ? error : hint);
        add(sheet, constraint, range, Text.fit(column.header(), PROMPT_TITLE_MAX), prompt, error);
    }

    /** A formula ("=..."): .xls would otherwise read the bounds as dates in the given format. */
    static DataValidationConstraint dateConstraint(DataValidationHelper dv) {
        return dv.createDateConstraint(OperatorType.BETWEEN, "=DATE(2000,1,1)", "=DATE(2099,12,31)", "yyyy-mm-dd");
    }

    void add(Sheet sheet, DataValidationConstraint constraint, CellRangeAddressList range, String promptTitle,
                     String prompt, String error) {
        DataValidation validation = sheet.getDataValidationHelper().createValidation(constraint, range);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(messages.get("template.check.title"), error);
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        validation.createPromptBox(promptTitle, prompt);
        validation.setShowPromptBox(true);
        sheet.addValidationData(validation);
    }

    static String[] spellings(Column column) {
        return Arrays.stream(column.vocabulary().getEnumConstants()).map(Vocabulary::spelling).toArray(String[]::new);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
