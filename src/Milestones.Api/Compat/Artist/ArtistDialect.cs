namespace Milestones.Api.Compat.Artist;

/// <summary>Seed 000 names the goal amount <c>goal</c>; its document gives no status codes or messages, so the rest is as in <c>/api/v1</c>.</summary>
public sealed class ArtistDialect : CompatDialect
{
    public override string Name => "artist";

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string> { ["goalAmount"] = "goal" };
}
