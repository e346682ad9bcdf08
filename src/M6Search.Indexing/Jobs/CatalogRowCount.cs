namespace M6Search.Indexing.Jobs;

/// <summary>How many catalog rows a job should expect, for its progress and ETA.</summary>
internal static class CatalogRowCount
{
    /// <summary>Number of catalog rows to expect: the lines of the file that are not blank (minus the CSV header).</summary>
    public static long Of(string path)
    {
        long rows = 0;
        bool lineHasText = false;
        byte[] buffer = new byte[1 << 16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (byte b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    rows += lineHasText ? 1 : 0;
                    lineHasText = false;
                }
                else if (b is not (byte)'\r' and not (byte)' ' and not (byte)'\t')
                {
                    lineHasText = true;
                }
            }
        }

        rows += lineHasText ? 1 : 0;
        bool csv = string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);
        return csv ? Math.Max(0, rows - 1) : rows;
    }
}
