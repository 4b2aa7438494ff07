using ScopeNames = Milestones.Domain.Common.Scopes;

namespace Milestones.Application.Users.Commands.CreateApiKey;

/// <summary>Issues a key for the caller (<paramref name="UserId"/> null) or, for a global admin, for another user.</summary>
[RequiresScope(ScopeNames.Write)]
public sealed record CreateApiKeyCommand(long? UserId, string Name, IReadOnlyList<string>? Scopes, DateTime? ExpiresAt) : ICommand<CreatedApiKeyDto>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required.").MaximumLength(100);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage($"scopes must list at least one of: {string.Join(", ", ScopeNames.All)}.");
        RuleForEach(x => x.Scopes).Must(s => ScopeNames.All.Contains(s))
            .WithMessage((_, s) => $"Unknown scope '{s}'; allowed: {string.Join(", ", ScopeNames.All)}.");
        RuleFor(x => x.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow().UtcDateTime)
            .WithMessage("expiresAt must be in the future.");
    }
}

public sealed class CreateApiKeyHandler(IApplicationDbContext db, IUser caller, TimeProvider clock, ApiKeyLimits limits)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var ownerId = KeyOwner.Resolve(caller, command.UserId, "create keys");

        var owner = await db.Users.FirstOrDefaultAsync(u => u.Id == ownerId, cancellationToken)
            ?? throw new NotFoundException("User", ownerId);

        var scopes = command.Scopes!.Distinct().ToList();
        if (scopes.Contains(ScopeNames.Admin) && !owner.IsAdmin)
        {
            throw new ValidationFailedException("scopes", "The 'admin' scope can only be given to a global administrator's key.");
        }

        if (command.UserId is null && scopes.FirstOrDefault(s => !caller.HasScope(s)) is { } wider)
        {
            throw new ForbiddenAccessException($"A key cannot grant the '{wider}' scope that the key creating it lacks.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.ApiKeys.CountAsync(k => k.UserId == ownerId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), cancellationToken);
        if (active >= limits.MaxActivePerUser)
        {
            throw new ConflictException(
                $"This user already holds {active} active API keys, the most allowed ({limits.MaxActivePerUser}); revoke one before creating another.");
        }

        var key = ApiKey.Issue(ownerId, command.Name.Trim(), scopes, command.ExpiresAt, now, out var secret);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);

        return new CreatedApiKeyDto(key, secret);
    }
}
