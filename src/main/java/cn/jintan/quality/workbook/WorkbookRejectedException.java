package cn.jintan.quality.workbook;

/** The file is not a workbook we may read; the submission is rejected with {@link #problem()}. */
public class WorkbookRejectedException extends Exception {

    private final FileProblem problem;
    private final long size;

    public WorkbookRejectedException(FileProblem problem, String detail, Throwable cause) {
        this(problem, detail, cause, -1);
    }

    WorkbookRejectedException(FileProblem problem, String detail, Throwable cause, long size) {
        super(problem.code() + ": " + detail, cause);
        this.problem = problem;
        this.size = size;
    }

    /** The file size in bytes, for {@link FileProblem#TOO_LARGE}; otherwise -1. */
    public long size() {
        return size;
    }

    public FileProblem problem() {
        return problem;
    }
}
