package cn.jintan.quality.samples;

import cn.jintan.quality.domain.FeeItem;

import java.math.BigDecimal;
import java.util.Map;

/** One item row of sheet 减费让利: the month's amount and the market entities it reached. */
record FeeRow(FeeItem item, BigDecimal amount, int beneficiaries) {

    Map<String, Object> cells() {
        return RowCells.of("item", item, "amount", amount, "beneficiaries", beneficiaries);
    }
}
