package cn.jintan.quality.bench;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.samples.ScrambledCodes;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A valid submission whose 质量提升 sheet has {@code rows} enterprises, written the way Excel
 * saves it: every text in a shared strings table (SXSSF with {@code useSharedStringsTable}).
 * Names are realistic and mostly distinct (so the table grows with the sheet); codes are unique.
 */
final class BigWorkbook {

    private static final String[] PLACES = {"常州", "金坛", "溧阳", "武进", "江苏", "直溪", "薛埠", "儒林"};
    private static final String BRAND_CHARS = "华强盛泰恒瑞丰源达昌鑫隆兴宏天佳博新光明安康福润金银铭嘉晟腾飞翔宇星辰远航峰磊"
            + "锦绣祥和永信德诚正通汇聚力创智科联众合";
    private static final String[] TRADES = {"机械", "光伏", "新材料", "电子", "汽车零部件", "生物医药", "通信设备", "纺织",
            "化工", "食品", "建材", "电气", "精密铸造", "塑业", "包装", "五金", "环保科技", "智能装备"};
    private static final String[] FORMS = {"有限公司", "股份有限公司", "科技有限公司", "制造有限公司"};
    private static final String[] INDUSTRIES = {"新能源汽车", "新一代移动通信", "生物技术和新医药", "光伏新能源", "其他"};
    private static final String[] AWARDS = {"无", "区长质量奖", "市长质量奖", "省长质量奖"};
    private static final String[] CREDIT = {"无", "A", "AA", "AAA"};

    private BigWorkbook() {
    }

    static Path write(Path file, int rows) {
        Random random = new Random(rows);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 500, true, true); OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet cover = wb.createSheet(SubmissionSheet.COVER);
            cover.createRow(0).createCell(0).setCellValue("金坛区质量强区工作月报表");
            String[][] fields = {{"填报单位", "直溪镇"}, {"统计期", "2020-11"}, {"填报人", "王丽"}, {"联系电话", "0519-82345678"}};
            for (int i = 0; i < fields.length; i++) {
                Row row = cover.createRow(i + 2);
                row.createCell(0).setCellValue(fields[i][0]);
                row.createCell(1).setCellValue(fields[i][1]);
            }
            Row filled = cover.createRow(6);
            filled.createCell(0).setCellValue("填报日期");
            filled.createCell(1).setCellValue(LocalDate.of(2020, 12, 2));
            filled.getCell(1).setCellStyle(dateStyle);

            Sheet quality = header(wb, SubmissionSheet.QUALITY);
            for (int r = 0; r < rows; r++) {
                Row row = quality.createRow(r + 2);
                row.createCell(0).setCellValue(r + 1);
                Object[] values = qualityRow(random, r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Integer n) {
                        row.createCell(c + 1).setCellValue(n);
                    } else if (values[c] != null) {
                        row.createCell(c + 1).setCellValue((String) values[c]);
                    }
                }
            }
            Sheet financing = header(wb, SubmissionSheet.FINANCING);
            for (int r = 0; r < 2; r++) {
                Row row = financing.createRow(r + 2);
                row.createCell(0).setCellValue(r + 1);
                row.createCell(1).setCellValue(name(random));
                row.createCell(2).setCellValue(code(r));
                row.createCell(3).setCellValue("动产抵押");
                row.createCell(4).setCellValue(1 + r);
                row.createCell(5).setCellValue(300.5 + r);
                row.createCell(6).setCellValue(LocalDate.of(2020, 11, 5 + r));
                row.getCell(6).setCellStyle(dateStyle);
            }
            Sheet fees = header(wb, SubmissionSheet.FEES);
            String[] items = {"减免水费", "减免电费", "减免燃气费", "清退涉企收费", "其他减免"};
            for (int r = 0; r < items.length; r++) {
                Row row = fees.createRow(r + 2);
                row.createCell(0).setCellValue(r + 1);
                row.createCell(1).setCellValue(items[r]);
                row.createCell(2).setCellValue(10.5 + r);
                row.createCell(3).setCellValue(3 + r);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The 质量提升 row {@code r}, cell by cell in header order (null = left blank). The same seed
     * gives the same rows, so {@link #expected} can recount a file written earlier.
     */
    private static Object[] qualityRow(Random random, int r) {
        Object[] v = new Object[SubmissionSheet.QUALITY.columns().size()];
        int c = 0;
        v[c++] = name(random);
        v[c++] = code(r);
        v[c++] = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        v[c++] = random.nextInt(5) == 0 ? "是" : "否";
        v[c++] = random.nextInt(4) == 0 ? "是" : "否";
        for (int s = 0; s < 7; s++) {
            v[c++] = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
        }
        v[c++] = AWARDS[random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(3)];
        v[c++] = CREDIT[random.nextInt(CREDIT.length)];
        v[c++] = random.nextInt(10) == 0 ? "是" : "否";
        v[c++] = random.nextInt(20) == 0 ? "是" : "否";
        if (random.nextInt(50) == 0) {
            v[c] = "已核实";
        }
        return v;
    }

    /** Figures the briefing must show for a file of {@code rows}: enterprises, key enterprises, 国家标准. */
    record Expected(long enterprises, long keyEnterprises, long stdNational) {
    }

    static Expected expected(int rows) {
        Random random = new Random(rows);
        long key = 0;
        long national = 0;
        for (int r = 0; r < rows; r++) {
            Object[] v = qualityRow(random, r);
            key += "是".equals(v[3]) ? 1 : 0;
            national += (Integer) v[6];
        }
        return new Expected(rows, key, national);
    }

    /** The code of row {@code r}: 91320482 + nine characters of r scrambled over base 31, completed by its check character. */
    static String code(int r) {
        return ScrambledCodes.code("91320482", r);
    }

    private static String name(Random random) {
        return PLACES[random.nextInt(PLACES.length)]
                + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()))
                + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()))
                + TRADES[random.nextInt(TRADES.length)] + FORMS[random.nextInt(FORMS.length)];
    }

    private static Sheet header(SXSSFWorkbook wb, SubmissionSheet spec) {
        Sheet sheet = wb.createSheet(spec.sheetName());
        sheet.createRow(0).createCell(0).setCellValue(spec.sheetName() + "情况表");
        Row header = sheet.createRow(1);
        header.createCell(0).setCellValue("序号");
        List<Column> columns = spec.columns();
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c + 1).setCellValue(columns.get(c).header());
        }
        return sheet;
    }
}
