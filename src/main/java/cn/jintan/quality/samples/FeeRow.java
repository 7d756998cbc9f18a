package cn.jintan.quality.samples;

import cn.jintan.quality.domain.FeeItem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One item row of sheet 减费让利: the month's amount and the market entities it reached. */
record FeeRow(FeeItem item, BigDecimal amount, int beneficiaries) {

    Map<String, Object> cells() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("item", item);
        cells.put("amount", amount);
        cells.put("beneficiaries", beneficiaries);
        return cells;
    }
}
