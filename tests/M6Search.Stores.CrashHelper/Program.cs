using System.Globalization;
using M6Search.Stores.CrashHelper;
using M6Search.Stores.Embedded;

// Usage: M6Search.Stores.CrashHelper <dataDirectory> <collection> <firstBatch> <pointsPerBatch>
// Writes batch after batch (forever) and reports "writing N" before and "committed N" after each upsert returns.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: M6Search.Stores.CrashHelper <dataDirectory> <collection> <firstBatch> <pointsPerBatch>");
    return 2;
}

int firstBatch = int.Parse(args[2], CultureInfo.InvariantCulture);
int pointsPerBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
await using EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
    new EmbeddedStoreOptions { DataDirectory = args[0] }, args[1]);
await store.EnsureCollectionAsync(CrashBatch.Schema);
Console.Out.WriteLine("ready");
Console.Out.Flush();
for (int batch = firstBatch; ; batch++)
{
    var points = CrashBatch.Points(batch, pointsPerBatch);
    Console.Out.WriteLine($"writing {batch}");
    Console.Out.Flush();
    await store.UpsertAsync(points);
    Console.Out.WriteLine($"committed {batch}");
    Console.Out.Flush();
}
