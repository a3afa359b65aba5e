# Red del servicio: una VPC y una subred privada por zona, con su NAT gateway.
# terraform_data guarda las entradas en el estado como lo haría el recurso real (aws_vpc,
# aws_subnet, aws_nat_gateway): ver aws_equivalente/network.tf.
variable "name" {
  description = "Prefijo de los nombres."
  type        = string
}

variable "cidr" {
  description = "Bloque CIDR /16 de la VPC."
  type        = string
}

variable "az_count" {
  description = "Zonas de disponibilidad (1 a 3): una subred y un NAT gateway por zona."
  type        = number

  validation {
    condition     = contains([1, 2, 3], var.az_count)
    error_message = "az_count debe ser 1, 2 o 3."
  }
}

variable "tags" {
  description = "Etiquetas comunes."
  type        = map(string)
}

locals {
  subnets = { for index in range(var.az_count) : "private-${index}" => cidrsubnet(var.cidr, 8, index) }
}

resource "terraform_data" "vpc" {
  input = {
    name = "${var.name}-vpc"
    cidr = var.cidr
    tags = var.tags
  }
}

resource "terraform_data" "subnet" {
  for_each = local.subnets

  input = {
    name   = "${var.name}-${each.key}"
    cidr   = each.value
    vpc_id = terraform_data.vpc.id
  }
}

output "vpc_id" {
  description = "Identificador de la VPC."
  value       = terraform_data.vpc.id
}

output "subnet_ids" {
  description = "Identificadores de las subredes privadas, por nombre."
  value       = { for key, subnet in terraform_data.subnet : key => subnet.id }
}

output "az_count" {
  description = "Zonas de disponibilidad."
  value       = var.az_count
}

output "nat_gateways" {
  description = "NAT gateways (uno por zona): cuestan por hora aunque no pase tráfico."
  value       = var.az_count
}
