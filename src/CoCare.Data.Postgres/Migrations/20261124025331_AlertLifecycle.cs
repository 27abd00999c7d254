using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "alr_alerts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatesAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ladder",
                table: "alr_alerts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "NotifiedAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OnSiteAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "alr_alerts",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "alr_alerts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RoutedAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_alr_alerts_Status_EscalatesAt",
                table: "alr_alerts",
                columns: new[] { "Status", "EscalatesAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_alr_alerts_Status_EscalatesAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "EscalatesAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "Ladder",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "NotifiedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "OnSiteAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "ResolutionNote",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "RoutedAt",
                table: "alr_alerts");
        }
    }
}
