# Versiones y backend del proyecto churn (módulo 13).
#
# Backend local: el estado vive en state/ y cada workspace (dev, staging, prod) en
# state/workspaces/<nombre>/. En un equipo real este bloque sería un backend "s3" con bloqueo
# (use_lockfile = true, o una tabla de DynamoDB en versiones anteriores a 1.10).
terraform {
  required_version = ">= 1.9.0"

  backend "local" {
    path          = "state/terraform.tfstate"
    workspace_dir = "state/workspaces"
  }
}
