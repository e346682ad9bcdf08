using M6Search.Stores.Abstractions;
using Microsoft.Data.Sqlite;

namespace M6Search.Stores.Embedded;

/// <summary>
/// Turns what the embedded store's parts throw (a refused request, SQLite and I/O errors) into the one
/// <see cref="VectorStoreException"/> that names the operation and the collection.
/// </summary>
internal static class StoreErrors
{
    public static T Wrap<T>(string operation, string collection, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (StoreRequestException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }
        catch (SqliteException exception)
        {
            throw FromSqlite(operation, collection, exception);
        }
        catch (IOException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }
    }

    public static VectorStoreException FromSqlite(string operation, string collection, SqliteException exception) =>
        new(operation, collection, $"SQLite error {exception.SqliteErrorCode}: {exception.Message}", exception);
}
