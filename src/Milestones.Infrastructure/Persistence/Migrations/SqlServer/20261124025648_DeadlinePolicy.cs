using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeadlinePolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeadlinePolicy",
                table: "Projects",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Fail");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineMissedAt",
                table: "Milestones",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeadlinePolicy",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DeadlineMissedAt",
                table: "Milestones");
        }
    }
}
