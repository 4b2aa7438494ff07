# syntax=docker/dockerfile:1
# Multi-stage build of the Milestones API. The runtime image runs as the non-root `app` user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Milestones.Domain/Milestones.Domain.csproj src/Milestones.Domain/
COPY src/Milestones.Application/Milestones.Application.csproj src/Milestones.Application/
COPY src/Milestones.Infrastructure/Milestones.Infrastructure.csproj src/Milestones.Infrastructure/
COPY src/Milestones.Api/Milestones.Api.csproj src/Milestones.Api/
RUN dotnet restore src/Milestones.Api/Milestones.Api.csproj
COPY src/ src/
RUN dotnet publish src/Milestones.Api/Milestones.Api.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=SqlServer \
    Milestones__Deadlines__Enabled=true
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=6 \
  CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Milestones.Api.dll"]
