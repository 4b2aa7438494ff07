namespace Milestones.Application.Common.Mapping;

/// <summary>
/// Compiled queries (<c>EF.CompileAsyncQuery</c>) skip EF Core's per-call work: extracting the
/// parameters from the expression tree and looking the query up in its cache. They take the context
/// as a <see cref="DbContext"/>, which the unit of work is.
/// </summary>
public static class Compiled
{
    public static DbContext Context(IApplicationDbContext db) =>
        db as DbContext ?? throw new InvalidOperationException("Compiled queries need the EF Core unit of work, not a stand-in.");
}
