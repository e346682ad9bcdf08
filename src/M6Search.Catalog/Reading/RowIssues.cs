using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>Collects the issues of one row, stamping each with the file, the line and (once known) the row's id.</summary>
internal sealed class RowIssues
{
    private readonly string _file;
    private readonly int _line;
    private List<CatalogIssue>? _issues;
    private string? _rowId;

    private readonly string _idKind;

    public RowIssues(string file, int line, string idKind = "product")
    {
        _file = file;
        _line = line;
        _idKind = idKind;
    }

    /// <summary>The row's id once it has been read; stamped on every issue of the row, earlier ones included.</summary>
    public string? RowId
    {
        get => _rowId;
        set
        {
            _rowId = value;
            if (_issues is null)
            {
                return;
            }

            for (int i = 0; i < _issues.Count; i++)
            {
                _issues[i] = _issues[i] with { ProductId = value };
            }
        }
    }

    public bool HasErrors { get; private set; }

    public IReadOnlyList<CatalogIssue> Issues => _issues ?? (IReadOnlyList<CatalogIssue>)Array.Empty<CatalogIssue>();

    public void Error(string? field, string message)
    {
        HasErrors = true;
        Add(field, message, IssueSeverity.Error);
    }

    public void Warning(string? field, string message) => Add(field, message, IssueSeverity.Warning);

    private void Add(string? field, string message, IssueSeverity severity)
    {
        _issues ??= new List<CatalogIssue>(2);
        _issues.Add(new CatalogIssue(_file, _line, field, _rowId, message, severity) { IdKind = _idKind });
    }
}
