using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Tests.Fakes;

internal sealed class FakeQueries : IDashboardQueries
{
    public List<DashboardQuery> Labeled { get; } = [];

    public List<DashboardQuery> Logged { get; } = [];

    public Task<IReadOnlyList<DashboardQuery>> LabeledAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DashboardQuery>>(Labeled.Take(limit).ToList());

    public Task<IReadOnlyList<DashboardQuery>> LoggedAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DashboardQuery>>(Logged.Take(limit).ToList());

    public IReadOnlyList<string> TraitWordsOf(string text) => TestTraits.Vocabulary.WordsNamedIn(text);
}
