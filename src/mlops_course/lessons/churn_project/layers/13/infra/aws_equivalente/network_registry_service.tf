resource "aws_vpc" "main" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  for_each = local.subnets

  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}

resource "aws_ecr_repository" "churn" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_instance" "replica" {
  for_each = local.replicas

  ami           = data.aws_ami.base.id
  instance_type = var.instance_type
  subnet_id     = aws_subnet.private[each.value].id

  metadata_options {
    http_tokens = "required"
  }
}
