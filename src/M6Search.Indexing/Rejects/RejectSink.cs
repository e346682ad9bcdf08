using M6Search.Indexing.Jobs;
using M6Search.Indexing.Telemetry;
using Microsoft.Extensions.Logging;

namespace M6Search.Indexing.Rejects;

/// <summary>
/// Where a job's rejected rows go: the error report, the log, the counters and telemetry; past
/// <see cref="IndexJobOptions.MaxErrors"/> it stops the job. Safe from every stage thread.
/// </summary>
internal sealed class RejectSink
{
    private readonly RejectReportWriter _report;
    private readonly ILogger _logger;
    private readonly JobCounters _counters;
    private readonly JobTelemetry _telemetry;
    private readonly JobControl _control;
    private readonly long? _maxErrors;

    public RejectSink(RejectReportWriter report, ILogger logger, JobCounters counters, JobTelemetry telemetry, JobControl control, long? maxErrors)
    {
        _report = report;
        _logger = logger;
        _counters = counters;
        _telemetry = telemetry;
        _control = control;
        _maxErrors = maxErrors;
    }

    public void Reject(IndexReject reject)
    {
        _report.Write(reject);
        IndexingLog.Rejected(_logger, reject.Line, reject.Id, reject.Reason);
        long rejected = _counters.AddRejected();
        _telemetry.Rejected(reject.Kind);
        if (_maxErrors is long max && rejected > max)
        {
            _control.RejectLimitPassed();
        }
    }
}
