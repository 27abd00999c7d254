using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertFamilyInformed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FamilyInformedAt",
                table: "alr_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyInformedBy",
                table: "alr_alerts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InformFamily",
                table: "alr_alerts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FamilyInformedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "FamilyInformedBy",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "InformFamily",
                table: "alr_alerts");
        }
    }
}
