package cn.jintan.quality.report;
// TEMPORARY
public record BriefingSettings(String issuer, String distribution, java.time.ZoneId zone) {}
