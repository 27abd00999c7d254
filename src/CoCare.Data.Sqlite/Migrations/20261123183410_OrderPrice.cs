using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderPrice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ListPriceFen",
                table: "svc_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaidFen",
                table: "svc_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SubsidyFen",
                table: "svc_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubsidyName",
                table: "svc_orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubsidyRuleId",
                table: "svc_orders",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ListPriceFen",
                table: "svc_orders");

            migrationBuilder.DropColumn(
                name: "PaidFen",
                table: "svc_orders");

            migrationBuilder.DropColumn(
                name: "SubsidyFen",
                table: "svc_orders");

            migrationBuilder.DropColumn(
                name: "SubsidyName",
                table: "svc_orders");

            migrationBuilder.DropColumn(
                name: "SubsidyRuleId",
                table: "svc_orders");
        }
    }
}
