package cn.jintan.quality.job;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this process takes part in remote intake: a manager ({@code intake.mode = remote}) or a
 * {@code worker} process (profile {@value #WORKER_PROFILE}). Only they need the request channel.
 */
class RemoteIntake implements Condition {

    /** The Spring profile the {@code worker} command runs with. */
    static final String WORKER_PROFILE = "worker";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return "remote".equals(context.getEnvironment().getProperty("qb.intake-mode"))
                || context.getEnvironment().matchesProfiles(WORKER_PROFILE);
    }
}
