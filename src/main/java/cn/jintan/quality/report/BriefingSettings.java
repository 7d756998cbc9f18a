package cn.jintan.quality.report;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What the briefing says about itself: the issuing body (default 金坛区市场监督管理局, chosen by
 * the caller), the distribution line printed at the end (报送/抄送), and the zone of the
 * generation timestamp.
 */
public record BriefingSettings(String issuer, String distribution, ZoneId zone) {

    public BriefingSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(zone, "zone");
    }
}
