using M6Search.Relevance.Storage;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Jobs;

/// <summary>Registers the indexing jobs: options, the catalog path policy, the history and the runner.</summary>
public static class JobServiceCollectionExtensions
{
    /// <summary>The jobs history database, under M6:DataDir.</summary>
    public const string DatabaseFile = "jobs.db";

    public static IServiceCollection AddIndexingJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobOptions>>(new ErrorListValidator<JobOptions>(o => o.Validate()));
        services.AddSingleton(provider =>
        {
            var m6 = provider.GetRequiredService<IOptions<M6Options>>().Value;
            var jobs = provider.GetRequiredService<IOptions<JobOptions>>().Value;
            Directory.CreateDirectory(m6.DataDirFullPath);
            return new CatalogPathPolicy(jobs.CatalogRoots.Count == 0 ? [m6.DataDirFullPath] : jobs.CatalogRoots);
        });
        services.AddSingleton(provider => new SqliteJobHistory(
            new SqliteFile(Path.Combine(provider.GetRequiredService<IOptions<M6Options>>().Value.DataDirFullPath, DatabaseFile))));
        services.AddSingleton<IndexingJobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexingJobRunner>());
        return services;
    }
}
