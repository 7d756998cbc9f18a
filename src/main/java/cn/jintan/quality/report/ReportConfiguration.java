package cn.jintan.quality.report;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.RenderThreads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One renderer per process: its templates are compiled once, at start-up. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    BriefingRenderer briefingRenderer(PipelineProperties properties) {
        return new BriefingRenderer(settings(properties));
    }

    @Bean
    UnitPageRenderer unitPageRenderer(PipelineProperties properties, RenderThreads threads) {
        return new UnitPageRenderer(settings(properties), threads);
    }

    private static BriefingSettings settings(PipelineProperties properties) {
        return new BriefingSettings(properties.issuer(), properties.distribution(), properties.zone());
    }
}
