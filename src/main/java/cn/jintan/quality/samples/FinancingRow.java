package cn.jintan.quality.samples;

import cn.jintan.quality.domain.RegistrationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One data row of sheet 融资助企: a registration item of the month. */
record FinancingRow(String name, String uscc, RegistrationType type, int registrations, BigDecimal amount,
                    LocalDate date, String remark) {

    Map<String, Object> cells() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("enterprise_name", name);
        cells.put("uscc", uscc);
        cells.put("registration_type", type);
        cells.put("registrations", registrations);
        cells.put("amount", amount);
        cells.put("registration_date", date);
        cells.put("remark", remark);
        return cells;
    }
}
