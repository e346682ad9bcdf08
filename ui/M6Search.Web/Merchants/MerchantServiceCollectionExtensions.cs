using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Traits;
using M6Search.Search.Searching;
using M6Search.Synth.Generation;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Merchants;

/// <summary>Registers the merchant dashboard: judgments and the shopper query log (SQLite under M6:DataDir) and the dashboard service.</summary>
public static class MerchantServiceCollectionExtensions
{
    /// <summary>The SQLite file of judgments and the query log, under M6:DataDir.</summary>
    public const string DatabaseFile = "relevance.db";

    public static IServiceCollection AddMerchantDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>>(new ErrorListValidator<DashboardOptions>(o => o.Validate()));
        services.AddOptions<QueryLogOptions>().BindConfiguration(QueryLogOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueryLogOptions>>(new ErrorListValidator<QueryLogOptions>(o => o.Validate()));
        services.AddSingleton(provider =>
            new RelevanceDatabase(new SqliteFile(Path.Combine(provider.GetRequiredService<IOptions<M6Options>>().Value.DataDirFullPath, DatabaseFile))));
        services.AddSingleton<IJudgmentStore>(provider => new SqliteJudgmentStore(provider.GetRequiredService<RelevanceDatabase>().File));
        services.AddSingleton<IQueryLog>(provider => new SqliteQueryLog(
            provider.GetRequiredService<RelevanceDatabase>().File,
            validator: new SearchRequestValidator(provider.GetRequiredService<IOptions<M6Options>>().Value.Search),
            options: provider.GetRequiredService<IOptions<QueryLogOptions>>().Value));
        services.AddSingleton<ITraitVocabularySource>(provider =>
        {
            var m6 = provider.GetRequiredService<IOptions<M6Options>>().Value;
            var dashboard = provider.GetRequiredService<IOptions<DashboardOptions>>().Value;
            string path = string.IsNullOrWhiteSpace(dashboard.Traits)
                ? Path.Combine(m6.DemoCatalogDir, SynthFiles.Traits)
                : Path.GetFullPath(dashboard.Traits);
            return new TraitVocabularyFileSource(() => path);
        });
        services.AddSingleton<IDashboardQueries>(provider =>
        {
            var m6 = provider.GetRequiredService<IOptions<M6Options>>().Value;
            var dashboard = provider.GetRequiredService<IOptions<DashboardOptions>>().Value;
            string path = string.IsNullOrWhiteSpace(dashboard.LabeledQueries)
                ? Path.Combine(m6.DemoCatalogDir, SynthFiles.Queries)
                : Path.GetFullPath(dashboard.LabeledQueries);
            return new DashboardQuerySource(() => path, provider.GetRequiredService<IQueryLog>(), provider.GetRequiredService<ITraitVocabularySource>());
        });
        services.AddSingleton<MerchantDashboards>();
        return services;
    }
}
