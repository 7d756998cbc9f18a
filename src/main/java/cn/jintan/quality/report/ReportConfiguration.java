package cn.jintan.quality.report;

import cn.jintan.quality.PipelineProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One renderer per process: its templates are compiled once, at start-up. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    BriefingRenderer briefingRenderer(PipelineProperties properties) {
        return new BriefingRenderer(new BriefingSettings(properties.issuer(), properties.distribution(), properties.zone()));
    }
}
