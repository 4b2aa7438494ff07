namespace Milestones.Api.Tests.Support;

/// <summary>A throwaway folder for a published API's SQLite file, removed (pools cleared first) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "milestones-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Path => System.IO.Path.Combine(Directory, "milestones.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
