namespace Milestones.Api.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
public static class Repository
{
    public static string File(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Milestones.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine([dir!.FullName, .. parts]);
    }
}
