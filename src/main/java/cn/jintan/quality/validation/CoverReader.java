package cn.jintan.quality.validation;

import cn.jintan.quality.domain.CoverField;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.workbook.CellValue;
import cn.jintan.quality.workbook.SheetRow;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Reads the label/value pairs of 封面: a label anywhere in the first 20 rows, its value to its right. */
final class CoverReader {

    private static final int LABEL_ROWS = 20;
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    private static final String SHEET = SubmissionSheet.COVER;

    private final UnitRegistry registry;
    private final YearMonth currentMonth;

    CoverReader(UnitRegistry registry, YearMonth currentMonth) {
        this.registry = registry;
        this.currentMonth = currentMonth;
    }

    /** A label found and the cell right of it (blank when nothing is there). */
    private record Found(int row, int labelColumn, int valueColumn, CellValue value) {
    }

    Cover read(Iterator<SheetRow> rows, Consumer<Issue> issues) {
        Map<CoverField, Found> found = new EnumMap<>(CoverField.class);
        while (rows.hasNext()) {
            SheetRow row = rows.next();
            if (row.index() >= LABEL_ROWS) {
                break;
            }
            TreeMap<Integer, CellValue> cells = new TreeMap<>(row.cells());
            for (Map.Entry<Integer, CellValue> cell : cells.entrySet()) {
                labelOf(cell.getValue()).ifPresent(field -> {
                    Map.Entry<Integer, CellValue> value = cells.higherEntry(cell.getKey());
                    boolean isValue = value != null && labelOf(value.getValue()).isEmpty();
                    found.putIfAbsent(field, new Found(row.index(), cell.getKey(),
                            isValue ? value.getKey() : cell.getKey() + 1,
                            isValue ? value.getValue() : CellValue.BLANK));
                });
            }
        }
        for (CoverField field : CoverField.values()) {
            Found f = found.get(field);
            if (field.required() && (f == null || f.value().isBlank())) {
                issues.accept(f == null
                        ? Issue.of(Rule.COVER_MISSING, SHEET, field.label(), "")
                        : Issue.at(Rule.COVER_MISSING, SHEET, f.row(), f.valueColumn(), field.label(), ""));
            }
        }
        Optional<Unit> unit = unit(found.get(CoverField.UNIT), issues);
        Optional<Period> period = period(found.get(CoverField.PERIOD), issues);
        phone(found.get(CoverField.PHONE), issues);
        return new Cover(unit, period, text(found, CoverField.UNIT), text(found, CoverField.PERIOD),
                text(found, CoverField.FILLED_BY), text(found, CoverField.PHONE));
    }

    private static Optional<CoverField> labelOf(CellValue cell) {
        if (cell.kind() != CellValue.Kind.TEXT) {
            return Optional.empty();
        }
        String label = Headers.normalise(cell.text()).replaceAll("[:：]$", "");
        for (CoverField field : CoverField.values()) {
            if (field.label().equals(label)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static String text(Map<CoverField, Found> found, CoverField field) {
        Found f = found.get(field);
        return f == null ? "" : f.value().text();
    }

    private Optional<Unit> unit(Found f, Consumer<Issue> issues) {
        if (f == null || f.value().isBlank()) {
            return Optional.empty();
        }
        Optional<Unit> unit = registry.find(f.value().text());
        if (unit.isEmpty()) {
            issues.accept(at(Rule.COVER_UNKNOWN_UNIT, f, CoverField.UNIT));
        }
        return unit;
    }

    private Optional<Period> period(Found f, Consumer<Issue> issues) {
        if (f == null || f.value().isBlank()) {
            return Optional.empty();
        }
        CellValue v = f.value();
        Optional<Period> period = v.kind() == CellValue.Kind.DATE
                ? Optional.of(Period.of(v.dateTime().toLocalDate()))
                : Period.parse(v.text()).or(() -> Values.date(v).map(Period::of));
        if (period.isEmpty()) {
            issues.accept(at(Rule.COVER_BAD_PERIOD, f, CoverField.PERIOD));
            return Optional.empty();
        }
        if (period.get().month().isAfter(currentMonth)) {
            issues.accept(at(Rule.COVER_FUTURE_PERIOD, f, CoverField.PERIOD, currentMonth));
            return Optional.empty();
        }
        return period;
    }

    private void phone(Found f, Consumer<Issue> issues) {
        if (f == null || f.value().isBlank()) {
            return;
        }
        String phone = f.value().text().replaceAll("[\\s()]", "");
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            issues.accept(at(Rule.COVER_BAD_PHONE, f, CoverField.PHONE));
        }
    }

    private static Issue at(Rule rule, Found f, CoverField field, Object... extra) {
        return Issue.at(rule, SHEET, f.row(), f.valueColumn(), field.label(), f.value().text(), extra);
    }
}
