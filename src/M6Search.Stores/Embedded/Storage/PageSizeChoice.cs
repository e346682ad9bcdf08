namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// The SQLite page size of a new collection file. A point's row (its dense vectors, ~1 KB of payload and lexical
/// vector) is often a few KB; with SQLite's default 4 KB pages a 2.6 KB row takes a whole page. The smallest page size
/// that stores rows with at most 15% overhead is chosen (bigger pages cost more per random write), or, failing that,
/// the one with the least overhead.
/// </summary>
internal static class PageSizeChoice
{
    /// <summary>Bytes of a row besides its dense vectors: payload JSON, lexical vector, ids, cell headers.</summary>
    public const int EstimatedRowBytesBesidesVectors = 700;

    private const int PageHeaderBytes = 8;
    private const int CellOverheadBytes = 12;

    public static int For(IEnumerable<int> denseDimensions)
    {
        int rowBytes = (denseDimensions.Sum() * sizeof(float)) + EstimatedRowBytesBesidesVectors;
        int[] candidates = [4096, 8192, 16384, 32768, 65536];
        foreach (int pageSize in candidates)
        {
            if (BytesPerRow(pageSize, rowBytes) <= rowBytes * 1.15)
            {
                return pageSize;
            }
        }

        return candidates.MinBy(pageSize => BytesPerRow(pageSize, rowBytes));
    }

    /// <summary>File bytes one row costs: a share of a page, or whole pages when it overflows.</summary>
    public static double BytesPerRow(int pageSize, int rowBytes)
    {
        int usable = pageSize - PageHeaderBytes;
        int rowsPerPage = usable / (rowBytes + CellOverheadBytes);
        if (rowsPerPage > 0)
        {
            return pageSize / (double)rowsPerPage;
        }

        // SQLite keeps part of an oversized row on the leaf page and the rest on overflow pages (4 bytes of each is a link).
        return pageSize * Math.Ceiling(rowBytes / (double)(pageSize - 4));
    }
}
