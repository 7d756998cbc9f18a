package cn.jintan.quality.samples;

import cn.jintan.quality.domain.RegistrationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** One data row of sheet 融资助企: a registration item of the month. */
record FinancingRow(String name, String uscc, RegistrationType type, int registrations, BigDecimal amount,
                    LocalDate date, String remark) {

    Map<String, Object> cells() {
        return RowCells.of("enterprise_name", name, "uscc", uscc, "registration_type", type,
                "registrations", registrations, "amount", amount, "registration_date", date, "remark", remark);
    }
}
