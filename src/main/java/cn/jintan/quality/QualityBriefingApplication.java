package cn.jintan.quality;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Spring context of one pipeline process; started by {@link cn.jintan.quality.cli.Main}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QualityBriefingApplication {
}
