using Microsoft.Extensions.Options;

namespace M6Search.Web.Configuration;

/// <summary>
/// Validates an options class through its own <c>Validate()</c> list of problems, so that a failed start names each
/// bad key (for example "M6:Dashboard:MaxJudgedQueries must be 1 to 10000, not 0.") rather than only the section.
/// </summary>
public sealed class ErrorListValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly Func<TOptions, IEnumerable<string>> _problems;

    public ErrorListValidator(Func<TOptions, IEnumerable<string>> problems)
    {
        _problems = problems ?? throw new ArgumentNullException(nameof(problems));
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = _problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
