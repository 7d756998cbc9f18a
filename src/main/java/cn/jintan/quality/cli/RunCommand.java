package cn.jintan.quality.cli;

import cn.jintan.quality.QualityBriefingApplication;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.messages.Messages;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code run}: one nightly run over everything waiting in input/. */
@Command(name = "run", resourceBundle = "messages", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Mixin
    Folders folders;

    @Override
    public Integer call() throws Exception {
        SpringApplication app = new SpringApplication(QualityBriefingApplication.class);
        try (ConfigurableApplicationContext context = app.run(folders.asProperties().toArray(String[]::new))) {
            JobExecution execution = context.getBean(NightlyRun.class).run();
            Messages m = Messages.catalogue();
            String key = execution.getStatus() == BatchStatus.COMPLETED ? "cli.run.done" : "cli.run.failed";
            System.out.println(m.get(key, NightlyRun.runId(execution)));
            return execution.getStatus() == BatchStatus.COMPLETED ? Main.OK : Main.FAILED;
        }
    }
}
