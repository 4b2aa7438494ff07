namespace Milestones.Application.Common.Models;

/// <summary><c>asc</c> (default) or <c>desc</c>.</summary>
public enum SortOrder { Asc, Desc }
