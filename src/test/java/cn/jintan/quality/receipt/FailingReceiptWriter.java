package cn.jintan.quality.receipt;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.RenderThreads;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;

import java.time.Clock;

/**
 * Test only: the real receipt writer, made to fail the way a bug would while rendering the receipt
 * of the one file a test names (the receipt saying that file was quarantined still renders).
 */
public class FailingReceiptWriter extends ReceiptWriter {

    private volatile String failFor;

    public FailingReceiptWriter(PipelineProperties properties, UnitRegistry registry, SubmissionStore store,
                                JsonFiles json, Clock clock, RenderThreads renderers) {
        super(properties, registry, store, json, clock, renderers);
    }

    public void failFor(String fileName) {
        this.failFor = fileName;
    }

    public void heal() {
        this.failFor = null;
    }

    @Override
    public Prepared prepare(StoredSubmission s) {
        if (s.fileName().equals(failFor) && s.status() != SubmissionStatus.QUARANTINED) {
            throw new IllegalArgumentException("receipt bug hit by " + s.fileName() + " (test)");
        }
        return super.prepare(s);
    }
}
